package io.rustok.core.application;

import io.rustok.core.domain.event.DomainEvent;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.outbox.EventOutbox;
import io.rustok.core.domain.shared.IdSource;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.UnitOfWork;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes events the only way this core allows: by appending them to the outbox inside the
 * caller's unit of work, so they commit or vanish with the writes they describe.
 *
 * <p>There is deliberately no path from here to a transport. Publishing with no unit of work open
 * throws instead of sending the event directly, because an event sent outside the transaction can
 * describe a change that later rolls back.
 */
public final class EventPublisher {
  private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

  private final UnitOfWork unitOfWork;
  private final EventOutbox outbox;
  private final IdSource ids;
  private final Clock clock;
  private final Runnable afterCommit;

  /**
   * @param afterCommit runs once after each unit of work that published events commits; the service
   *     uses it to wake the relay at once instead of waiting for its next poll
   */
  public EventPublisher(
      UnitOfWork unitOfWork, EventOutbox outbox, IdSource ids, Clock clock, Runnable afterCommit) {
    this.unitOfWork = Require.notNull(unitOfWork, "unitOfWork");
    this.outbox = Require.notNull(outbox, "outbox");
    this.ids = Require.notNull(ids, "ids");
    this.clock = Require.notNull(clock, "clock");
    this.afterCommit = Require.notNull(afterCommit, "afterCommit");
  }

  /**
   * Wraps the events in envelopes that carry the request's metadata and appends them, in order, to
   * the outbox of the current unit of work.
   *
   * @return the stored envelopes
   * @throws IllegalStateException if no unit of work is active on this thread
   */
  public List<EventEnvelope> publish(
      RequestContext context, TenantId tenantId, List<? extends DomainEvent> events) {
    if (!unitOfWork.isActive()) {
      throw new IllegalStateException(
          "events can only be published inside a unit of work; wrap the use case in"
              + " UnitOfWork.execute");
    }
    List<EventEnvelope> envelopes = new ArrayList<>(events.size());
    for (DomainEvent event : events) {
      envelopes.add(
          EventEnvelope.wrap(
              new EventId(ids.newId()),
              tenantId,
              context.actorId(),
              context.correlationId(),
              context.causationId(),
              context.traceParent(),
              clock.instant(),
              event));
    }
    outbox.append(envelopes);
    unitOfWork.afterCommit(afterCommit);
    for (EventEnvelope envelope : envelopes) {
      log.debug(
          "Appended event id={} type={} aggregateId={}",
          envelope.eventId(),
          envelope.eventType(),
          envelope.aggregateId());
    }
    return envelopes;
  }

  public List<EventEnvelope> publish(RequestContext context, TenantId tenantId, DomainEvent event) {
    return publish(context, tenantId, List.of(event));
  }
}
