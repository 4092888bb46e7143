package io.rustok.core.adapters.http;

import io.javalin.http.Context;
import io.rustok.core.domain.shared.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** Reads path and query parameters, reporting bad ones as problems. */
final class RequestParameters {
  private RequestParameters() {}

  /**
   * Parses the {@code {id}} path parameter with {@code parse}, such as {@code NodeId::parse}.
   *
   * @throws HttpProblem {@code not-found} when it is not an id, because no resource has that path
   */
  static <T> T pathId(Context ctx, String resource, BiFunction<String, String, T> parse) {
    try {
      return parse.apply(ctx.pathParam("id"), "id");
    } catch (ValidationException e) {
      throw HttpProblem.of(
          ProblemType.NOT_FOUND,
          "The " + resource + " was not found: the id in the path is not a UUID.");
    }
  }

  /**
   * Returns the query parameter, or empty when it is absent or empty.
   *
   * @throws HttpProblem {@code invalid-field} when it is given more than once
   */
  static Optional<String> queryText(Context ctx, String name) {
    List<String> values = ctx.queryParams(name);
    if (values.size() > 1) {
      throw HttpProblem.invalidField(name, name + " must be given at most once");
    }
    return values.stream().filter(value -> !value.isEmpty()).findFirst();
  }

  /**
   * Returns the query parameter as an int, or {@code fallback} when it is absent.
   *
   * @throws HttpProblem {@code invalid-field} when it is not a decimal integer
   */
  static int queryInt(Context ctx, String name, int fallback) {
    Optional<String> text = queryText(ctx, name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.get());
    } catch (NumberFormatException e) {
      throw HttpProblem.invalidField(name, name + " must be an integer");
    }
  }

  /**
   * Parses the {@code cursor} query parameter of a list with {@code parse}, or returns empty when
   * it is absent.
   *
   * @throws ValidationException for the field {@code cursor} when it is not an id
   */
  static <T> Optional<T> queryCursor(Context ctx, BiFunction<String, String, T> parse) {
    Optional<String> text = queryText(ctx, "cursor");
    try {
      return text.map(value -> parse.apply(value, "cursor"));
    } catch (ValidationException e) {
      throw new ValidationException("cursor", "is not a cursor that this API returned");
    }
  }
}
