package io.rustok.core.domain.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Language tag of a translation, such as {@code en} or {@code pt-BR}: a BCP 47 language with
 * optional subtags. The language is stored in lowercase; other subtags keep their case, except that
 * a two-letter region is uppercase, so {@code PT-br} and {@code pt-BR} are one locale.
 */
public record LocaleCode(String value) {
  public static final int MAX_LENGTH = 35;

  /** Regular expression that every normalised locale code matches in full. */
  public static final String PATTERN = "[a-z]{2,3}(-[A-Za-z0-9]{1,8})*";

  private static final Pattern FORM = Pattern.compile(PATTERN);

  public LocaleCode {
    Require.present(value, "locale");
    Require.that(
        value.length() <= MAX_LENGTH, "locale", "must be at most " + MAX_LENGTH + " characters");
    value = normalise(value);
    Require.that(
        FORM.matcher(value).matches(), "locale", "must be a language tag such as en or pt-BR");
  }

  public static LocaleCode of(String value) {
    return new LocaleCode(value);
  }

  private static String normalise(String tag) {
    String[] parts = tag.split("-", -1);
    StringBuilder out = new StringBuilder(parts[0].toLowerCase(Locale.ROOT));
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      out.append('-').append(part.length() == 2 ? part.toUpperCase(Locale.ROOT) : part);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return value;
  }
}
