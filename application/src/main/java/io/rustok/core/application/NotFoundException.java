package io.rustok.core.application;

/** The requested tenant, node or event does not exist, or belongs to another tenant. */
public final class NotFoundException extends RuntimeException {
  private final String resource;

  public NotFoundException(String resource, Object id) {
    super(resource + " " + id + " was not found");
    this.resource = resource;
  }

  /** Kind of thing that was not found, such as {@code node} or {@code tenant}. */
  public String resource() {
    return resource;
  }
}
