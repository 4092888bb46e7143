package io.rustok.core.application.content;

import io.rustok.core.domain.content.Translation;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.Slug;
import java.util.Optional;

/**
 * A translation as a client gives it; the slug may be left out and is then derived from the title.
 *
 * @param field name of this input in the request, such as {@code translations[0]}, used in errors
 */
public record TranslationInput(
    LocaleCode locale, String title, Optional<Slug> slug, Optional<String> excerpt, String field) {
  public TranslationInput {
    Require.present(locale, field + ".locale");
    Require.present(title, field + ".title");
    Require.notNull(slug, "slug");
    Require.notNull(excerpt, "excerpt");
  }

  public Translation toTranslation() {
    return toTranslation(Optional.empty());
  }

  /**
   * Returns the translation this input describes, as a change to {@code existing}. Without a slug
   * of its own it keeps the slug of {@code existing}, so retitling a published node does not move
   * its address; only a new translation derives its slug from the title. Without an excerpt it
   * keeps the existing excerpt.
   */
  public Translation toTranslation(Optional<Translation> existing) {
    Require.text(title, field + ".title", Translation.MAX_TITLE_LENGTH);
    Slug resolved =
        slug.or(() -> existing.map(Translation::slug))
            .orElseGet(() -> Slug.fromTitle(title, field + ".slug"));
    Optional<String> resolvedExcerpt = excerpt.or(() -> existing.flatMap(Translation::excerpt));
    return new Translation(locale, title, resolved, resolvedExcerpt);
  }
}
