package io.rustok.core.application;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.TraceParent;
import java.util.Optional;
import java.util.UUID;

/**
 * Who asks and why: the metadata that every event a use case publishes inherits.
 *
 * <p>A request from outside starts a new correlation (or continues the client's); work done in
 * reaction to an event uses {@link #causedBy}, which keeps the cause's correlation id and trace and
 * records the cause's event id as the causation id.
 */
public record RequestContext(
    CorrelationId correlationId,
    Optional<ActorId> actorId,
    Optional<EventId> causationId,
    Optional<TraceParent> traceParent) {
  public RequestContext {
    Require.notNull(correlationId, "correlationId");
    Require.notNull(actorId, "actorId");
    Require.notNull(causationId, "causationId");
    Require.notNull(traceParent, "traceParent");
  }

  /** Returns a context for a request with no actor, no cause and no trace. */
  public static RequestContext of(CorrelationId correlationId) {
    return new RequestContext(correlationId, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Returns a context for work that an operator or the system starts, with a new correlation. */
  public static RequestContext system() {
    return of(new CorrelationId(UUID.randomUUID().toString()));
  }

  /** Returns a context for work that reacts to {@code cause}, done by {@code actor} if known. */
  public static RequestContext causedBy(EventEnvelope cause, Optional<ActorId> actor) {
    return new RequestContext(
        cause.correlationId(), actor, Optional.of(cause.eventId()), cause.traceParent());
  }

  public RequestContext withActor(ActorId actor) {
    return new RequestContext(correlationId, Optional.of(actor), causationId, traceParent);
  }
}
