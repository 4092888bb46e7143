package io.rustok.core.domain.shared;

import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID parsing: {@link UUID#fromString} accepts short groups such as {@code 1-1-1-1-1}. */
public final class Uuids {
  private static final Pattern CANONICAL =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Uuids() {}

  public static boolean isCanonical(String text) {
    return text != null && CANONICAL.matcher(text).matches();
  }

  public static UUID parse(String text, String field) {
    Require.present(text, field);
    if (!isCanonical(text)) {
      throw new ValidationException(
          field, "must be a UUID such as 0192f0c4-7b1e-7cc3-9a4e-2f1d3c5b6a70");
    }
    return UUID.fromString(text);
  }
}
