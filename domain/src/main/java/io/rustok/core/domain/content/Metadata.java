package io.rustok.core.domain.content;

import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks and deep-copies node metadata: a JSON object as plain Java values, so the domain needs no
 * JSON library. Nesting is limited to {@value #MAX_DEPTH} levels so a hostile document cannot
 * exhaust the stack of code that walks it.
 */
public final class Metadata {
  public static final int MAX_DEPTH = 16;

  /** Most values (objects, lists and scalars together) one metadata document may hold. */
  public static final int MAX_VALUES = 10_000;

  /**
   * Largest decimal exponent a metadata number may have, either way. PostgreSQL's {@code jsonb}
   * rejects numbers beyond its {@code numeric} range, and many JSON readers turn huge exponents
   * into infinity.
   */
  public static final int MAX_EXPONENT = 1000;

  private Metadata() {}

  /**
   * Returns an unmodifiable deep copy, keeping key order, or throws on a value JSON cannot hold.
   */
  public static Map<String, Object> copyOf(Map<String, Object> metadata, String field) {
    Require.present(metadata, field);
    return new Copier(field).copyMap(metadata, field, 1);
  }

  /** One deep copy, counting values so that the whole document stays within the bounds. */
  private static final class Copier {
    private final String rootField;
    private int values;

    Copier(String rootField) {
      this.rootField = rootField;
    }

    private void count() {
      values++;
      if (values > MAX_VALUES) {
        throw new ValidationException(rootField, "must hold at most " + MAX_VALUES + " values");
      }
    }

    private Map<String, Object> copyMap(Map<?, ?> map, String field, int depth) {
      Require.that(depth <= MAX_DEPTH, field, "must not nest deeper than " + MAX_DEPTH + " levels");
      count();
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new ValidationException(field, "must have string keys");
        }
        copy.put(key, copyValue(entry.getValue(), field + "." + key, depth));
      }
      return Collections.unmodifiableMap(copy);
    }

    private Object copyValue(Object value, String field, int depth) {
      if (!(value instanceof Map<?, ?>)) {
        count();
      }
      return switch (value) {
        case null -> null;
        case String s -> s;
        case Boolean b -> b;
        case Integer i -> i;
        case Long l -> l;
        case Double d when Double.isFinite(d) -> d;
        case BigInteger b when b.bitLength() <= MAX_EXPONENT * 4 -> b;
        case BigDecimal b
            when Math.abs(b.scale()) <= MAX_EXPONENT && b.precision() - b.scale() <= MAX_EXPONENT ->
            b;
        case Number n ->
            throw new ValidationException(
                field,
                "is a number out of range: decimal exponents must stay within ±" + MAX_EXPONENT);
        case Map<?, ?> m -> copyMap(m, field, depth + 1);
        case List<?> list -> {
          Require.that(
              depth < MAX_DEPTH, field, "must not nest deeper than " + MAX_DEPTH + " levels");
          List<Object> items = new ArrayList<>(list.size());
          for (Object item : list) {
            items.add(copyValue(item, field, depth + 1));
          }
          yield Collections.unmodifiableList(items);
        }
        default -> throw new ValidationException(field, "is not a JSON value");
      };
    }
  }
}
