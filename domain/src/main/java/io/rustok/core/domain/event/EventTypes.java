package io.rustok.core.domain.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Catalog of every event type, read once from the sealed {@link DomainEvent} hierarchy and the
 * {@link EventSchema} annotation of each record. Adding a record to the hierarchy adds it here;
 * there is no list to update by hand.
 *
 * <p>The catalog also holds every version of each type that was ever released: the shapes of older
 * versions are records nested in the event record, annotated with the same type name and their own
 * version. Every version from 1 to the current one must have exactly one shape; a gap or a
 * duplicate fails the class's initialisation with a message that names the type.
 */
public final class EventTypes {
  private static final Map<String, EventType> BY_NAME;
  private static final Map<Class<?>, EventType> BY_CLASS;
  private static final Map<String, List<EventVersion>> VERSIONS;

  static {
    Map<String, EventType> byName = new LinkedHashMap<>();
    Map<Class<?>, EventType> byClass = new LinkedHashMap<>();
    for (Class<?> recordClass : leavesOf(DomainEvent.class)) {
      EventSchema schema = recordClass.getAnnotation(EventSchema.class);
      if (schema == null || !recordClass.isRecord()) {
        throw new IllegalStateException(
            recordClass.getName() + " must be a record annotated with @EventSchema");
      }
      EventType type =
          new EventType(schema.type(), schema.version(), recordClass.asSubclass(DomainEvent.class));
      if (byName.putIfAbsent(type.name(), type) != null) {
        throw new IllegalStateException("event type " + type.name() + " is declared twice");
      }
      byClass.put(recordClass, type);
    }
    BY_NAME = Collections.unmodifiableMap(byName);
    BY_CLASS = Collections.unmodifiableMap(byClass);
    Map<String, List<EventVersion>> versions = new LinkedHashMap<>();
    for (EventType type : byName.values()) {
      versions.put(type.name(), versionsDeclaredBy(type));
    }
    VERSIONS = Collections.unmodifiableMap(versions);
  }

  /**
   * Returns the versions of {@code type} from 1 to the current one, each with its shape, after
   * checking that every version has exactly one.
   */
  private static List<EventVersion> versionsDeclaredBy(EventType type) {
    Map<Integer, EventVersion> byVersion = new TreeMap<>();
    byVersion.put(
        type.version(),
        new EventVersion(type.name(), type.version(), type.recordClass().asSubclass(Record.class)));
    for (Class<?> nested : type.recordClass().getDeclaredClasses()) {
      EventSchema schema = nested.getAnnotation(EventSchema.class);
      if (schema == null) {
        continue;
      }
      if (!nested.isRecord() || !schema.type().equals(type.name())) {
        throw new IllegalStateException(
            "%s must be a record with type %s to describe an older version of it"
                .formatted(nested.getName(), type.name()));
      }
      if (schema.version() < 1 || schema.version() >= type.version()) {
        throw new IllegalStateException(
            "%s declares version %d of %s, but older versions run from 1 to %d"
                .formatted(nested.getName(), schema.version(), type.name(), type.version() - 1));
      }
      EventVersion version =
          new EventVersion(type.name(), schema.version(), nested.asSubclass(Record.class));
      if (byVersion.putIfAbsent(schema.version(), version) != null) {
        throw new IllegalStateException(
            "version %d of %s is declared twice".formatted(schema.version(), type.name()));
      }
    }
    for (int version = 1; version < type.version(); version++) {
      if (!byVersion.containsKey(version)) {
        throw new IllegalStateException(
            ("version %d of %s has no shape: keep the record of every released version nested in"
                    + " %s, annotated @EventSchema(type = \"%s\", version = %d)")
                .formatted(
                    version,
                    type.name(),
                    type.recordClass().getSimpleName(),
                    type.name(),
                    version));
      }
    }
    return List.copyOf(byVersion.values());
  }

  private EventTypes() {}

  private static List<Class<?>> leavesOf(Class<?> sealedType) {
    List<Class<?>> leaves = new ArrayList<>();
    for (Class<?> permitted : sealedType.getPermittedSubclasses()) {
      if (permitted.isSealed()) {
        leaves.addAll(leavesOf(permitted));
      } else {
        leaves.add(permitted);
      }
    }
    return leaves;
  }

  /** Returns every event type, node events first, in the order the hierarchy declares them. */
  public static List<EventType> all() {
    return List.copyOf(BY_NAME.values());
  }

  /** Returns every version of every event type, in the order of {@link #all()}, oldest first. */
  public static List<EventVersion> allVersions() {
    return VERSIONS.values().stream().flatMap(List::stream).toList();
  }

  /**
   * Returns the versions of {@code type} from 1 to the current one, oldest first.
   *
   * @throws IllegalArgumentException if the type is not in the catalog
   */
  public static List<EventVersion> versionsOf(String type) {
    List<EventVersion> versions = VERSIONS.get(type);
    if (versions == null) {
      throw new IllegalArgumentException("unknown event type " + type);
    }
    return versions;
  }

  public static Optional<EventType> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static EventType of(DomainEvent event) {
    return of(event.getClass());
  }

  public static EventType of(Class<? extends DomainEvent> recordClass) {
    EventType type = BY_CLASS.get(recordClass);
    if (type == null) {
      throw new IllegalArgumentException(recordClass.getName() + " is not an event record");
    }
    return type;
  }
}
