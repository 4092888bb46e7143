package io.rustok.core.domain.shared;

import java.util.Objects;

/** Argument checks for validating constructors; each failure names the field. */
public final class Require {
  private Require() {}

  public static <T> T present(T value, String field) {
    if (value == null) {
      throw new ValidationException(field, "is required");
    }
    return value;
  }

  /** Returns the text unchanged after checking that it is present, not blank, and short enough. */
  public static String text(String value, String field, int maxLength) {
    present(value, field);
    if (value.isBlank()) {
      throw new ValidationException(field, "must not be blank");
    }
    if (value.length() > maxLength) {
      throw new ValidationException(field, "must be at most " + maxLength + " characters");
    }
    return value;
  }

  public static void that(boolean condition, String field, String message) {
    if (!condition) {
      throw new ValidationException(field, message);
    }
  }

  public static <T> T notNull(T value, String name) {
    return Objects.requireNonNull(value, name);
  }
}
