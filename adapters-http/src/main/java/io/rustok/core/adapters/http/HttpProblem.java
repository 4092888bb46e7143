package io.rustok.core.adapters.http;

import java.util.Optional;

/**
 * A request failure that the adapter itself detects, such as a malformed header or body. Only
 * {@link ProblemResponses} turns it into a response. The detail is written for clients, so it must
 * never carry text from another exception.
 *
 * @param field the offending body field or query parameter, for {@code invalid-field}
 * @param header the offending header, for {@code invalid-header}, {@code precondition-required} and
 *     {@code unsupported-media-type}
 */
final class HttpProblem extends RuntimeException {
  private final ProblemType type;
  private final String detail;
  private final Optional<String> field;
  private final Optional<String> header;

  private HttpProblem(
      ProblemType type, String detail, Optional<String> field, Optional<String> header) {
    super(type.slug() + ": " + detail, null, false, false);
    this.type = type;
    this.detail = detail;
    this.field = field;
    this.header = header;
  }

  static HttpProblem of(ProblemType type, String detail) {
    return new HttpProblem(type, detail, Optional.empty(), Optional.empty());
  }

  static HttpProblem invalidField(String field, String detail) {
    return new HttpProblem(ProblemType.INVALID_FIELD, detail, Optional.of(field), Optional.empty());
  }

  static HttpProblem forHeader(ProblemType type, String header, String detail) {
    return new HttpProblem(type, detail, Optional.empty(), Optional.of(header));
  }

  ProblemType type() {
    return type;
  }

  String detail() {
    return detail;
  }

  Optional<String> field() {
    return field;
  }

  Optional<String> header() {
    return header;
  }
}
