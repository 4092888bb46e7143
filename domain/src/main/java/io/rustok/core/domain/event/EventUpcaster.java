package io.rustok.core.domain.event;

import io.rustok.core.domain.shared.Require;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One step in the chain that reads old payloads: turns the data of {@link #eventType()} at {@link
 * #fromVersion()} into the data of the next version.
 *
 * <p>An upcaster works on the decoded payload as plain Java values, so the domain needs no JSON
 * library: a JSON object is a {@code Map<String, Object>}, an array a {@code List<Object>}, a
 * string a {@code String}, a number an {@code Integer}, {@code Long}, {@code BigInteger} or {@code
 * Double}, {@code true} and {@code false} a {@code Boolean}, and {@code null} is {@code null}. The
 * map it receives belongs to it and may be changed; the map it returns is read as the next version.
 * An upcaster throws {@link IllegalArgumentException} when the data cannot be converted, and the
 * event is then treated as unreadable with that message as the reason.
 */
public interface EventUpcaster {
  /** Type name of the events this upcaster reads, such as {@code node.created}. */
  String eventType();

  /** Version this upcaster reads; it returns data of version {@code fromVersion() + 1}. */
  int fromVersion();

  Map<String, Object> upcast(Map<String, Object> data);

  /** Returns an upcaster from {@code fromVersion} to the next version that applies {@code step}. */
  static EventUpcaster of(
      String eventType, int fromVersion, UnaryOperator<Map<String, Object>> step) {
    Require.notNull(eventType, "eventType");
    Require.notNull(step, "step");
    return new EventUpcaster() {
      @Override
      public String eventType() {
        return eventType;
      }

      @Override
      public int fromVersion() {
        return fromVersion;
      }

      @Override
      public Map<String, Object> upcast(Map<String, Object> data) {
        return step.apply(data);
      }

      @Override
      public String toString() {
        return eventType + " v" + fromVersion + " to v" + (fromVersion + 1);
      }
    };
  }
}
