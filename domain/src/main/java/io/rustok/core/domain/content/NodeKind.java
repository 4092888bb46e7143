package io.rustok.core.domain.content;

import io.rustok.core.domain.shared.Require;
import java.util.regex.Pattern;

/**
 * Kind of node, such as {@code post}, {@code page} or {@code comment}. Modules may add their own
 * kinds; a kind is a lowercase identifier of at most 64 characters.
 */
public record NodeKind(String value) {
  /** Regular expression that every kind matches in full. */
  public static final String PATTERN = "[a-z][a-z0-9_-]{0,63}";

  // Declared before the constants below, which use it while the class initialises.
  private static final Pattern FORM = Pattern.compile(PATTERN);

  public static final NodeKind POST = new NodeKind("post");
  public static final NodeKind PAGE = new NodeKind("page");
  public static final NodeKind COMMENT = new NodeKind("comment");

  public NodeKind {
    Require.present(value, "kind");
    Require.that(
        FORM.matcher(value).matches(),
        "kind",
        "must be a lowercase identifier of at most 64 characters, such as post");
  }

  @Override
  public String toString() {
    return value;
  }
}
