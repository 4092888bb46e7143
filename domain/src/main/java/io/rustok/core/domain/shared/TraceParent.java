package io.rustok.core.domain.shared;

import java.util.regex.Pattern;

/**
 * W3C Trace Context {@code traceparent} value, for example {@code
 * 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}. Only version {@code 00} is accepted,
 * and all-zero trace or parent ids are invalid, as the W3C recommendation requires.
 */
public record TraceParent(String value) {
  private static final Pattern FORM = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

  public TraceParent {
    Require.present(value, "traceparent");
    Require.that(
        FORM.matcher(value).matches()
            && !value.substring(3, 35).equals("0".repeat(32))
            && !value.substring(36, 52).equals("0".repeat(16)),
        "traceparent",
        "must be a W3C traceparent such as 00-<32 hex>-<16 hex>-01");
  }

  @Override
  public String toString() {
    return value;
  }
}
