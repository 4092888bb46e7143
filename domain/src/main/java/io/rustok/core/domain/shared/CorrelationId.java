package io.rustok.core.domain.shared;

import java.util.regex.Pattern;

/**
 * Identifier that ties together a request and every event it causes, directly or through other
 * events. Clients may send their own (1 to 128 visible ASCII characters); otherwise one is made.
 */
public record CorrelationId(String value) {
  private static final Pattern FORM = Pattern.compile("[\\x21-\\x7E]{1,128}");

  public CorrelationId {
    Require.present(value, "correlationId");
    Require.that(
        FORM.matcher(value).matches(),
        "correlationId",
        "must be 1 to 128 visible ASCII characters");
  }

  @Override
  public String toString() {
    return value;
  }
}
