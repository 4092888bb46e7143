package io.rustok.core.adapters.http;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Versions as entity tags. Every node or tenant response carries its version as a strong {@code
 * ETag} such as {@code "3"}, and a client names the version it read in {@code If-Match}. Both
 * {@code "3"} and the bare {@code 3} are accepted, because clients often drop the quotes. {@code *}
 * means "whatever version is current". A weak tag ({@code W/"3"}) or a list of tags is rejected,
 * because a change applies to exactly one version.
 */
final class Preconditions {
  static final String IF_MATCH = "If-Match";

  private static final Pattern VERSION = Pattern.compile("[0-9]{1,18}");

  private Preconditions() {}

  static void setETag(Context ctx, long version) {
    ctx.header("ETag", "\"" + version + "\"");
  }

  /**
   * Returns the version named by {@code If-Match}, or empty when the header is absent or {@code *}.
   *
   * @throws HttpProblem {@code invalid-header} when the header is not one version
   */
  static Optional<Long> optionalVersion(Context ctx) {
    List<String> values = Collections.list(ctx.req().getHeaders(IF_MATCH));
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw invalid(RequestMetadata.REPEATED_HEADER_REASON);
    }
    String value = values.get(0).strip();
    if (value.equals("*")) {
      return Optional.empty();
    }
    if (value.startsWith("W/")) {
      throw invalid("must be a strong entity tag such as \"3\", not a weak one");
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    if (!VERSION.matcher(value).matches()) {
      throw invalid("must be one version taken from an ETag, such as \"3\"");
    }
    return Optional.of(Long.parseLong(value));
  }

  /**
   * Returns the version named by {@code If-Match}, which the request must carry.
   *
   * @throws HttpProblem {@code precondition-required} when the header is absent or {@code *}
   */
  static long requiredVersion(Context ctx) {
    return optionalVersion(ctx)
        .orElseThrow(
            () ->
                HttpProblem.forHeader(
                    ProblemType.PRECONDITION_REQUIRED,
                    IF_MATCH,
                    "Send the version you read in If-Match, such as If-Match: \"3\", so that a"
                        + " change made since is not overwritten."));
  }

  private static HttpProblem invalid(String reason) {
    return HttpProblem.forHeader(ProblemType.INVALID_HEADER, IF_MATCH, IF_MATCH + " " + reason);
  }
}
