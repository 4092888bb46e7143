package io.rustok.core.adapters.http.tenancy;

/**
 * Thrown by {@link CachingTenantResolver#find} when it cannot tell whether a tenant exists: the
 * load failed, or this caller stopped waiting for it. The message names the reference kind and the
 * reason, never the storage's own error text, which stays in the cause.
 */
public final class TenantLookupException extends RuntimeException {
  /** Reason the lookup returned no tenant. */
  public enum Reason {
    /** The load threw, for example because the database could not be reached. */
    FAILED,
    /** The load did not finish within the caller's lookup timeout; it goes on for others. */
    TIMED_OUT,
    /** The waiting thread was interrupted; the load goes on for others. */
    INTERRUPTED
  }

  private final Reason reason;

  TenantLookupException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
