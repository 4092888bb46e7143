package io.rustok.core.domain.content;

import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.Slug;
import java.util.Optional;

/** Title, slug and optional excerpt of a node in one locale. */
public record Translation(LocaleCode locale, String title, Slug slug, Optional<String> excerpt) {
  public static final int MAX_TITLE_LENGTH = 500;
  public static final int MAX_EXCERPT_LENGTH = 2000;

  public Translation {
    Require.present(locale, "locale");
    Require.text(title, "title", MAX_TITLE_LENGTH);
    Require.present(slug, "slug");
    excerpt = Require.notNull(excerpt, "excerpt");
    excerpt.ifPresent(
        text ->
            Require.that(
                text.length() <= MAX_EXCERPT_LENGTH,
                "excerpt",
                "must be at most " + MAX_EXCERPT_LENGTH + " characters"));
  }
}
