package io.rustok.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.NodeUnpublished;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.TraceParent;
import io.rustok.core.testing.Unique;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class EventPublisherTest {
  private final TestWiring wiring = new TestWiring();
  private final EventPublisher publisher = wiring.publisher();

  @Tag("capability")
  @Test
  void publishingOutsideUnitOfWorkThrows() {
    NodeUnpublished event = new NodeUnpublished(Unique.nodeId());

    assertThatThrownBy(() -> publisher.publish(RequestContext.system(), Unique.tenantId(), event))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inside a unit of work");
    assertThat(wiring.outbox.stats().pending()).isZero();
  }

  @Test
  void envelopeCarriesRequestMetadata() {
    ActorId actor = Unique.actorId();
    TraceParent trace = new TraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    RequestContext context =
        new RequestContext(
            new CorrelationId("req-7"), Optional.of(actor), Optional.empty(), Optional.of(trace));

    EventEnvelope envelope =
        wiring.unitOfWork.execute(
            () ->
                publisher
                    .publish(context, Unique.tenantId(), new NodeUnpublished(Unique.nodeId()))
                    .getFirst());

    assertThat(envelope.correlationId().value()).isEqualTo("req-7");
    assertThat(envelope.actorId()).contains(actor);
    assertThat(envelope.traceParent()).contains(trace);
    assertThat(envelope.causationId()).isEmpty();
    assertThat(envelope.occurredAt()).isEqualTo(wiring.clock.instant());
  }

  @Test
  void eventCausedByAnotherCarriesTheCauseId() {
    EventEnvelope cause =
        wiring.unitOfWork.execute(
            () ->
                publisher
                    .publish(
                        RequestContext.system(),
                        Unique.tenantId(),
                        new NodeUnpublished(Unique.nodeId()))
                    .getFirst());

    List<EventEnvelope> effects =
        wiring.unitOfWork.execute(
            () ->
                publisher.publish(
                    RequestContext.causedBy(cause, Optional.empty()),
                    cause.tenantId(),
                    new NodeUnpublished(Unique.nodeId())));

    assertThat(effects.getFirst().causationId()).contains(cause.eventId());
    assertThat(effects.getFirst().correlationId()).isEqualTo(cause.correlationId());
  }
}
