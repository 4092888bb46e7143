package io.rustok.core.domain.event;

import io.rustok.core.domain.shared.Require;

/**
 * One version of an event type's payload, as it was released: the record whose components define
 * the fields of that version. The current version's shape is the event record itself; each older
 * version's shape is a record nested in it and annotated with {@link EventSchema}.
 */
public record EventVersion(String type, int version, Class<? extends Record> shape) {
  public EventVersion {
    Require.notNull(type, "type");
    Require.notNull(shape, "shape");
    if (version < 1) {
      throw new IllegalArgumentException("schema version of " + type + " must be at least 1");
    }
  }
}
