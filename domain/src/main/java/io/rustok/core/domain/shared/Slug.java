package io.rustok.core.domain.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL-safe name: lowercase ASCII letters and digits in groups joined by single hyphens, at most
 * {@value #MAX_LENGTH} characters. Tenants and node translations use slugs.
 */
public record Slug(String value) {
  public static final int MAX_LENGTH = 128;

  /** Regular expression that every slug matches in full. */
  public static final String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

  private static final Pattern FORM = Pattern.compile(PATTERN);

  public Slug {
    Require.present(value, "slug");
    Require.that(
        value.length() <= MAX_LENGTH, "slug", "must be at most " + MAX_LENGTH + " characters");
    Require.that(
        FORM.matcher(value).matches(),
        "slug",
        "must be lowercase letters and digits joined by single hyphens, such as hello-world");
  }

  public static Slug of(String value) {
    return new Slug(value);
  }

  /**
   * Derives a slug from a title: accents are removed, every run of other characters becomes one
   * hyphen, and the result is cut at {@value #MAX_LENGTH} characters. A title with no ASCII letter
   * or digit has no slug, which is a {@link ValidationException} on {@code field}.
   */
  public static Slug fromTitle(String title, String field) {
    String decomposed = Normalizer.normalize(title, Normalizer.Form.NFKD);
    String ascii = decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    if (slug.isEmpty()) {
      throw new ValidationException(field, "cannot be derived from the title; give one explicitly");
    }
    return new Slug(slug);
  }

  @Override
  public String toString() {
    return value;
  }
}
