package io.rustok.core.application;

/**
 * The caller's version of a node or tenant is not the stored one: someone changed it since the
 * caller read it. The caller should read it again and decide.
 */
public final class VersionConflictException extends RuntimeException {
  private final long expectedVersion;
  private final long currentVersion;

  public VersionConflictException(String resource, long expectedVersion, long currentVersion) {
    super(
        "%s is at version %d, not %d; read it again before changing it"
            .formatted(resource, currentVersion, expectedVersion));
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }

  public long expectedVersion() {
    return expectedVersion;
  }

  /** Stored version when the conflict was found, or 0 if the record vanished meanwhile. */
  public long currentVersion() {
    return currentVersion;
  }
}
