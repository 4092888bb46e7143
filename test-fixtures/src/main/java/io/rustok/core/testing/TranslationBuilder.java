package io.rustok.core.testing;

import io.rustok.core.domain.content.Translation;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import java.util.Optional;

/**
 * Builder of valid {@link Translation}s. By default: locale {@code en}, a unique slug, a title made
 * from the slug and no excerpt.
 */
public final class TranslationBuilder {
  private LocaleCode locale = LocaleCode.of("en");
  private Slug slug = Unique.slug("node");
  private String title;
  private Optional<String> excerpt = Optional.empty();

  private TranslationBuilder() {}

  public static TranslationBuilder aTranslation() {
    return new TranslationBuilder();
  }

  public TranslationBuilder inLocale(String locale) {
    this.locale = LocaleCode.of(locale);
    return this;
  }

  public TranslationBuilder withSlug(String slug) {
    return withSlug(Slug.of(slug));
  }

  public TranslationBuilder withSlug(Slug slug) {
    this.slug = slug;
    return this;
  }

  public TranslationBuilder withTitle(String title) {
    this.title = title;
    return this;
  }

  public TranslationBuilder withExcerpt(String excerpt) {
    this.excerpt = Optional.of(excerpt);
    return this;
  }

  public Translation build() {
    String effectiveTitle = title != null ? title : "Title of " + slug;
    return new Translation(locale, effectiveTitle, slug, excerpt);
  }
}
