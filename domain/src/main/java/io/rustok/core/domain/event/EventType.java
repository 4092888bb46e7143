package io.rustok.core.domain.event;

import io.rustok.core.domain.shared.Require;

/** Type name, current schema version and record class of one kind of event. */
public record EventType(String name, int version, Class<? extends DomainEvent> recordClass) {
  public EventType {
    Require.notNull(name, "name");
    Require.notNull(recordClass, "recordClass");
    if (version < 1) {
      throw new IllegalArgumentException("schema version of " + name + " must be at least 1");
    }
  }
}
