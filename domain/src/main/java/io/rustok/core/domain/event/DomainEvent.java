package io.rustok.core.domain.event;

import java.util.UUID;

/**
 * Something that happened to an aggregate. Every implementation is a record annotated with {@link
 * EventSchema}; the sealed hierarchy lets the catalog list every event type without a registry to
 * keep in sync.
 */
public sealed interface DomainEvent permits NodeEvent, TenantEvent {
  /** Kind of aggregate the event is about, such as {@code node} or {@code tenant}. */
  String aggregateType();

  UUID aggregateId();
}
