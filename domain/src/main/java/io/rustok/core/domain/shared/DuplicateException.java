package io.rustok.core.domain.shared;

/**
 * A write that would break a uniqueness rule, such as a slug already taken in the same tenant and
 * locale. Repositories throw it whether they find the clash before the write or the database
 * reports it at the write, so a use case that fails this way rolls back all of its work.
 */
public final class DuplicateException extends RuntimeException {
  private final String field;

  public DuplicateException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
