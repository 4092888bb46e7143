package io.rustok.core.domain.shared;

/**
 * Invalid input for a domain value or command. The field names the offending property in the terms
 * a client uses (for example {@code translations[0].slug}), so an HTTP adapter can report it
 * without parsing the message.
 */
public final class ValidationException extends RuntimeException {
  private final String field;

  public ValidationException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** Message without the field prefix, for clients that show the field separately. */
  public String reason() {
    String message = getMessage();
    return message.substring(field.length() + 2);
  }
}
