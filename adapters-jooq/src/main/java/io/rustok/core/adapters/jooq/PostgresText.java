package io.rustok.core.adapters.jooq;

import java.util.Optional;

/**
 * Checks whether PostgreSQL can store a Java string as {@code text} or {@code jsonb}.
 *
 * <p>PostgreSQL text cannot contain a NUL character, and UTF-8 has no form for an unpaired UTF-16
 * surrogate. The driver (pgjdbc 42.7 with PostgreSQL 15) rejects a NUL, but encodes an unpaired
 * surrogate as {@code ?} without an error, so the stored text would silently differ. {@code jsonb}
 * also rejects the JSON escape of NUL and escapes of unpaired surrogates.
 */
final class PostgresText {
  private static final int ESCAPE_LENGTH = 6;

  private PostgresText() {}

  /** Returns why {@code text} cannot be stored in a {@code text} column, or empty if it can. */
  static Optional<String> problemInText(String text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return Optional.of("a NUL character at offset " + i);
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("an unpaired UTF-16 surrogate at offset " + i);
      }
    }
    return Optional.empty();
  }

  /** Returns why {@code json} cannot be stored as {@code jsonb}, or empty if it can. */
  static Optional<String> problemInJsonb(String json) {
    boolean inString = false;
    int length = json.length();
    int i = 0;
    while (i < length) {
      char c = json.charAt(i);
      if (c == '\u0000') {
        return Optional.of("a NUL character at offset " + i);
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(json.charAt(i + 1))) {
        i += 2;
        continue;
      }
      if (Character.isSurrogate(c)) {
        return Optional.of("an unpaired UTF-16 surrogate at offset " + i);
      }
      if (c == '"') {
        inString = !inString;
        i++;
      } else if (c == '\\' && inString) {
        int unit = escapedUnit(json, i);
        if (unit == 0) {
          return Optional.of("the escape \\u0000 (NUL) at offset " + i);
        }
        if (unit >= 0 && Character.isHighSurrogate((char) unit)) {
          int partner = escapedUnit(json, i + ESCAPE_LENGTH);
          if (partner < 0 || !Character.isLowSurrogate((char) partner)) {
            return Optional.of("an escaped unpaired UTF-16 surrogate at offset " + i);
          }
          i += 2 * ESCAPE_LENGTH;
        } else if (unit >= 0 && Character.isLowSurrogate((char) unit)) {
          return Optional.of("an escaped unpaired UTF-16 surrogate at offset " + i);
        } else {
          i += unit >= 0 ? ESCAPE_LENGTH : 2;
        }
      } else {
        i++;
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the UTF-16 unit of the {@code \}{@code uXXXX} escape at {@code index}, or -1 if no such
   * escape starts there.
   */
  private static int escapedUnit(String json, int index) {
    if (index + ESCAPE_LENGTH > json.length() || !json.startsWith("\\u", index)) {
      return -1;
    }
    int value = 0;
    for (int i = index + 2; i < index + ESCAPE_LENGTH; i++) {
      int digit = Character.digit(json.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }
}
