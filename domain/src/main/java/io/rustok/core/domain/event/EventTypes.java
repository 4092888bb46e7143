package io.rustok.core.domain.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Catalog of every event type, read once from the sealed {@link DomainEvent} hierarchy and the
 * {@link EventSchema} annotation of each record. Adding a record to the hierarchy adds it here;
 * there is no list to update by hand.
 */
public final class EventTypes {
  private static final Map<String, EventType> BY_NAME;
  private static final Map<Class<?>, EventType> BY_CLASS;

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
