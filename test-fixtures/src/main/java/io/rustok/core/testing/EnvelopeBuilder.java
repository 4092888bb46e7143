package io.rustok.core.testing;

import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.event.DomainEvent;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.event.NodeUpdated;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.TraceParent;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Builder of valid {@link EventEnvelope}s. By default: a unique event id and tenant id, no actor, a
 * unique correlation id, no causation or trace, occurred at {@link MutableClock#DEFAULT_START}, and
 * a {@code node.updated} event about a fresh node that changed its metadata. The envelope's type,
 * schema version and aggregate always come from the event.
 */
public final class EnvelopeBuilder {
  private EventId eventId = Unique.eventId();
  private TenantId tenantId = Unique.tenantId();
  private Optional<ActorId> actorId = Optional.empty();
  private CorrelationId correlationId = new CorrelationId(Unique.text("correlation"));
  private Optional<EventId> causationId = Optional.empty();
  private Optional<TraceParent> traceParent = Optional.empty();
  private Instant occurredAt = MutableClock.DEFAULT_START;
  private DomainEvent event;

  private EnvelopeBuilder() {}

  public static EnvelopeBuilder anEnvelope() {
    return new EnvelopeBuilder();
  }

  public EnvelopeBuilder withEventId(EventId eventId) {
    this.eventId = eventId;
    return this;
  }

  public EnvelopeBuilder inTenant(TenantId tenantId) {
    this.tenantId = tenantId;
    return this;
  }

  public EnvelopeBuilder byActor(ActorId actorId) {
    this.actorId = Optional.of(actorId);
    return this;
  }

  public EnvelopeBuilder withCorrelationId(String correlationId) {
    this.correlationId = new CorrelationId(correlationId);
    return this;
  }

  public EnvelopeBuilder causedBy(EventId causationId) {
    this.causationId = Optional.of(causationId);
    return this;
  }

  public EnvelopeBuilder withTraceParent(String traceParent) {
    this.traceParent = Optional.of(new TraceParent(traceParent));
    return this;
  }

  public EnvelopeBuilder occurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
    return this;
  }

  public EnvelopeBuilder withEvent(DomainEvent event) {
    this.event = event;
    return this;
  }

  /** Makes the event a {@code node.updated} of the given node, which sets the aggregate id. */
  public EnvelopeBuilder aboutNode(NodeId nodeId) {
    return withEvent(new NodeUpdated(nodeId, 2, List.of("metadata")));
  }

  public EventEnvelope build() {
    DomainEvent effectiveEvent =
        event != null ? event : new NodeUpdated(Unique.nodeId(), 2, List.of("metadata"));
    return EventEnvelope.wrap(
        eventId,
        tenantId,
        actorId,
        correlationId,
        causationId,
        traceParent,
        occurredAt,
        effectiveEvent);
  }
}
