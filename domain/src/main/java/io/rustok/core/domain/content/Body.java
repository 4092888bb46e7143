package io.rustok.core.domain.content;

import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Require;

/**
 * Body text of a node in one locale. The format is free text as far as the core is concerned; at
 * most {@value #MAX_LENGTH} characters.
 */
public record Body(LocaleCode locale, String text) {
  public static final int MAX_LENGTH = 500_000;

  public Body {
    Require.present(locale, "locale");
    Require.present(text, "body");
    Require.that(
        text.length() <= MAX_LENGTH, "body", "must be at most " + MAX_LENGTH + " characters");
  }
}
