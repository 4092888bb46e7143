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
 * exhaust the stack of whoever walks it.
 */
public final class Metadata {
  public static final int MAX_DEPTH = 16;

  private Metadata() {}

  /**
   * Returns an unmodifiable deep copy, keeping key order, or throws on a value JSON cannot hold.
   */
  public static Map<String, Object> copyOf(Map<String, Object> metadata, String field) {
    Require.present(metadata, field);
    return copyMap(metadata, field, 1);
  }

  private static Map<String, Object> copyMap(Map<?, ?> map, String field, int depth) {
    Require.that(depth <= MAX_DEPTH, field, "must not nest deeper than " + MAX_DEPTH + " levels");
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new ValidationException(field, "must have string keys");
      }
      copy.put(key, copyValue(entry.getValue(), field + "." + key, depth));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyValue(Object value, String field, int depth) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case Boolean b -> b;
      case Integer i -> i;
      case Long l -> l;
      case Double d when Double.isFinite(d) -> d;
      case BigInteger b -> b;
      case BigDecimal b -> b;
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
