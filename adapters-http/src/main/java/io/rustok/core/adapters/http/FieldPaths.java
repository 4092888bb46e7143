package io.rustok.core.adapters.http;

import io.rustok.core.domain.shared.ValidationException;
import java.util.function.Supplier;

/**
 * Puts the request path of a value into the validation errors of the domain. Domain types name the
 * field as they know it ({@code locale}, {@code title}), but a client needs its place in the body,
 * such as {@code translations[1].locale}.
 */
final class FieldPaths {
  private FieldPaths() {}

  /** Runs {@code parse} and reports any validation error on exactly {@code path}. */
  static <T> T at(String path, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ValidationException e) {
      throw new ValidationException(path, e.reason());
    }
  }

  /**
   * Runs {@code build} and puts {@code prefix} before the field of any validation error, unless the
   * field already starts with it.
   */
  static <T> T within(String prefix, Supplier<T> build) {
    try {
      return build.get();
    } catch (ValidationException e) {
      if (e.field().startsWith(prefix)) {
        throw e;
      }
      throw new ValidationException(prefix + "." + e.field(), e.reason());
    }
  }
}
