package io.rustok.core.domain.event;

import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.TraceParent;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An event with everything a consumer needs to trust, order and trace it. Envelopes are immutable
 * and checked on construction: the type name, schema version and aggregate always agree with the
 * event record, so no stored or delivered envelope can disagree with its own payload.
 *
 * @param eventId unique id; consumers use it to drop duplicates, because delivery is at least once
 * @param tenantId tenant whose data changed
 * @param actorId who made the change, when known
 * @param correlationId shared by every event that one request caused, directly or indirectly
 * @param causationId id of the event that caused this one, when another event did
 * @param traceParent W3C trace context of the request, when it had one
 * @param aggregateType kind of the aggregate, such as {@code node}
 * @param aggregateId id of the node or tenant the event is about
 */
public record EventEnvelope(
    EventId eventId,
    String eventType,
    int schemaVersion,
    TenantId tenantId,
    Optional<ActorId> actorId,
    CorrelationId correlationId,
    Optional<EventId> causationId,
    Optional<TraceParent> traceParent,
    Instant occurredAt,
    String aggregateType,
    UUID aggregateId,
    DomainEvent event) {

  public EventEnvelope {
    Require.notNull(eventId, "eventId");
    Require.notNull(tenantId, "tenantId");
    Require.notNull(actorId, "actorId");
    Require.notNull(correlationId, "correlationId");
    Require.notNull(causationId, "causationId");
    Require.notNull(traceParent, "traceParent");
    Require.notNull(occurredAt, "occurredAt");
    Require.notNull(event, "event");
    EventType type = EventTypes.of(event);
    if (!type.name().equals(eventType) || type.version() != schemaVersion) {
      throw new IllegalArgumentException(
          "envelope says %s v%d but the event is %s v%d"
              .formatted(eventType, schemaVersion, type.name(), type.version()));
    }
    if (!event.aggregateType().equals(aggregateType) || !event.aggregateId().equals(aggregateId)) {
      throw new IllegalArgumentException(
          "envelope aggregate %s/%s differs from the event's %s/%s"
              .formatted(aggregateType, aggregateId, event.aggregateType(), event.aggregateId()));
    }
  }

  /** Wraps an event, taking its type, version and aggregate from the event itself. */
  public static EventEnvelope wrap(
      EventId eventId,
      TenantId tenantId,
      Optional<ActorId> actorId,
      CorrelationId correlationId,
      Optional<EventId> causationId,
      Optional<TraceParent> traceParent,
      Instant occurredAt,
      DomainEvent event) {
    EventType type = EventTypes.of(event);
    return new EventEnvelope(
        eventId,
        type.name(),
        type.version(),
        tenantId,
        actorId,
        correlationId,
        causationId,
        traceParent,
        occurredAt,
        event.aggregateType(),
        event.aggregateId(),
        event);
  }
}
