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

  /**
   * Returns single-line text unchanged after checking that it is present, has at most {@code
   * maxLength} characters (Unicode code points), contains no control characters, and has at least
   * one visible character.
   */
  public static String text(String value, String field, int maxLength) {
    present(value, field);
    if (value.codePointCount(0, value.length()) > maxLength) {
      throw new ValidationException(field, "must be at most " + maxLength + " characters");
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw new ValidationException(field, "must not contain control characters");
    }
    if (value.codePoints().noneMatch(Require::isVisible)) {
      throw new ValidationException(field, "must not be blank");
    }
    return value;
  }

  /**
   * Returns whether a code point shows something: not white space, not a format character such as a
   * zero-width space or byte order mark, and not one of the filler characters that render as blank
   * (Braille blank, Hangul fillers).
   */
  private static boolean isVisible(int codePoint) {
    if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
      return false;
    }
    if (Character.getType(codePoint) == Character.FORMAT) {
      return false;
    }
    return switch (codePoint) {
      case 0x2800, 0x115F, 0x1160, 0x3164, 0xFFA0 -> false;
      default -> true;
    };
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
