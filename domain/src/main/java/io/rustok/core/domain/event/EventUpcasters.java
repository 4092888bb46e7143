package io.rustok.core.domain.event;

import io.rustok.core.domain.shared.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The upcaster chains of every event type, checked once when built.
 *
 * <p>A type at version N needs exactly one {@link EventUpcaster} from each version 1 to N - 1, so
 * that data of any released version reaches the current one one step at a time. Building the
 * registry rejects a chain with a gap, a duplicate step, a step from version N or later, or a step
 * for a type that does not exist, with an {@link IllegalStateException} that names the type. The
 * service builds it at start-up, so a broken chain stops the start instead of parking events later.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class EventUpcasters {
  private static final List<EventUpcaster> STANDARD = List.of(NodeCreated.FROM_VERSION_1);

  private final Map<String, Integer> currentVersions;
  private final Map<String, Map<Integer, EventUpcaster>> steps;

  private EventUpcasters(
      Map<String, Integer> currentVersions, Map<String, Map<Integer, EventUpcaster>> steps) {
    this.currentVersions = currentVersions;
    this.steps = steps;
  }

  /** Returns every upcaster that the domain declares, for {@link #of(List)}. */
  public static List<EventUpcaster> declared() {
    return STANDARD;
  }

  /** Returns the chains of this code's event types, with every upcaster the domain declares. */
  public static EventUpcasters standard() {
    return of(STANDARD);
  }

  /**
   * Checks {@code upcasters} against the current versions in {@link EventTypes} and returns them as
   * a registry.
   *
   * @throws IllegalStateException naming the first type whose chain is broken
   */
  public static EventUpcasters of(List<EventUpcaster> upcasters) {
    Map<String, Integer> currentVersions = new LinkedHashMap<>();
    for (EventType type : EventTypes.all()) {
      currentVersions.put(type.name(), type.version());
    }
    return of(upcasters, currentVersions);
  }

  /**
   * Checks {@code upcasters} against the given current version of each type and returns them as a
   * registry.
   *
   * @throws IllegalStateException naming the first type whose chain is broken
   */
  public static EventUpcasters of(
      List<EventUpcaster> upcasters, Map<String, Integer> currentVersions) {
    Require.notNull(upcasters, "upcasters");
    Require.notNull(currentVersions, "currentVersions");
    Map<String, List<EventUpcaster>> byType = new TreeMap<>();
    for (EventUpcaster upcaster : upcasters) {
      Require.notNull(upcaster, "upcaster");
      if (!currentVersions.containsKey(upcaster.eventType())) {
        throw broken(upcaster.eventType(), "the event type does not exist");
      }
      byType.computeIfAbsent(upcaster.eventType(), type -> new ArrayList<>()).add(upcaster);
    }
    Map<String, Map<Integer, EventUpcaster>> steps = new TreeMap<>();
    for (Map.Entry<String, Integer> type : new TreeMap<>(currentVersions).entrySet()) {
      List<EventUpcaster> declared = byType.getOrDefault(type.getKey(), List.of());
      steps.put(type.getKey(), chainOf(type.getKey(), type.getValue(), declared));
    }
    return new EventUpcasters(Map.copyOf(currentVersions), Collections.unmodifiableMap(steps));
  }

  private static Map<Integer, EventUpcaster> chainOf(
      String type, int current, List<EventUpcaster> declared) {
    Map<Integer, EventUpcaster> chain = new TreeMap<>();
    for (EventUpcaster upcaster : declared) {
      int from = upcaster.fromVersion();
      if (from < 1 || from >= current) {
        throw broken(
            type,
            "it has an upcaster from version %d, but steps must start at versions 1 to %d"
                    .formatted(from, current - 1)
                + " because the current version is "
                + current);
      }
      if (chain.putIfAbsent(from, upcaster) != null) {
        throw broken(type, "it has two upcasters from version %d to %d".formatted(from, from + 1));
      }
    }
    TreeSet<Integer> missing = new TreeSet<>();
    for (int version = 1; version < current; version++) {
      if (!chain.containsKey(version)) {
        missing.add(version);
      }
    }
    if (!missing.isEmpty()) {
      int gap = missing.first();
      throw broken(
          type,
          "no upcaster goes from version %d to %d, so version %d data cannot reach the current"
                  .formatted(gap, gap + 1, gap)
              + " version "
              + current);
    }
    return Collections.unmodifiableMap(chain);
  }

  private static IllegalStateException broken(String type, String reason) {
    return new IllegalStateException(
        "upcaster chain of event type " + type + " is broken: " + reason);
  }

  /**
   * Returns the current version of {@code type}.
   *
   * @throws IllegalArgumentException if the type is unknown
   */
  public int currentVersion(String type) {
    Integer current = currentVersions.get(type);
    if (current == null) {
      throw new IllegalArgumentException("unknown event type " + type);
    }
    return current;
  }

  /**
   * Runs {@code data} of {@code type} at {@code version} through every step up to the current
   * version; data already at the current version comes back unchanged.
   *
   * @throws IllegalArgumentException if the type is unknown, the version is not between 1 and the
   *     current version, or a step rejects the data
   */
  public Map<String, Object> upcast(String type, int version, Map<String, Object> data) {
    Require.notNull(data, "data");
    int current = currentVersion(type);
    if (version < 1 || version > current) {
      throw new IllegalArgumentException(
          "schema version %d of %s is not supported; this code reads versions 1 to %d"
              .formatted(version, type, current));
    }
    Map<String, Object> result = data;
    for (int step = version; step < current; step++) {
      result = steps.get(type).get(step).upcast(result);
      if (result == null) {
        throw new IllegalArgumentException(
            "upcaster of %s from version %d returned no data".formatted(type, step));
      }
    }
    return result;
  }
}
