package io.rustok.core.application.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.application.EventPublisher;
import io.rustok.core.application.RequestContext;
import io.rustok.core.application.TestWiring;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.NodeUnpublished;
import io.rustok.core.domain.outbox.OutboxEntry;
import io.rustok.core.domain.outbox.OutboxStatus;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.testing.RecordingEventTransport;
import io.rustok.core.testing.Unique;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class RelayOutboxTest {
  private static final int MAX_ATTEMPTS = 5;
  private static final RelaySettings SETTINGS =
      new RelaySettings(
          10,
          MAX_ATTEMPTS,
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          Duration.ofSeconds(30),
          Duration.ofMillis(100));

  private final TestWiring wiring = new TestWiring();
  private final EventPublisher publisher = wiring.publisher();
  private final RecordingEventTransport transport = new RecordingEventTransport();
  private final RelayOutbox relay =
      new RelayOutbox(wiring.outbox, transport, SETTINGS, RandomGenerator.of("L64X128MixRandom"));
  private final TenantId tenant = Unique.tenantId();

  @Test
  void deliveredEventsAreMarkedDispatched() {
    EventEnvelope first = append(Unique.nodeId());
    EventEnvelope second = append(Unique.nodeId());

    RelayRun run = relay.runOnce();

    assertThat(run.dispatched()).isEqualTo(2);
    assertThat(transport.deliveredIds()).containsExactly(first.eventId(), second.eventId());
    assertThat(wiring.outbox.stats().dispatched()).isEqualTo(2);
    assertThat(wiring.outbox.stats().pending()).isZero();
  }

  @Tag("capability")
  @Test
  void failingEventIsRetriedWithGrowingDelaysThenParkedWhileOthersFlow() {
    NodeId poisoned = Unique.nodeId();
    EventEnvelope poison = append(poisoned);
    transport.failWhen(e -> e.aggregateId().equals(poisoned.value()), "broker rejected it");
    List<Duration> delays = new ArrayList<>();
    List<EventEnvelope> healthy = new ArrayList<>();

    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      healthy.add(append(Unique.nodeId()));
      Instant before = wiring.clock.instant();
      relay.runOnce();
      OutboxEntry entry = wiring.outbox.find(poison.eventId()).orElseThrow();
      if (attempt < MAX_ATTEMPTS) {
        assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
        Duration delay = Duration.between(before, entry.nextAttemptAt().orElseThrow());
        delays.add(delay);
        assertThat(relay.runOnce().claimed()).as("not due before its delay").isZero();
        wiring.clock.advance(delay);
      }
    }

    OutboxEntry parked = wiring.outbox.find(poison.eventId()).orElseThrow();
    assertThat(parked.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(parked.attempts()).isEqualTo(MAX_ATTEMPTS);
    assertThat(parked.lastError()).contains("broker rejected it");
    assertThat(delays).hasSize(MAX_ATTEMPTS - 1);
    for (int i = 1; i < delays.size(); i++) {
      assertThat(delays.get(i)).isGreaterThanOrEqualTo(delays.get(i - 1));
    }
    assertThat(delays.getLast()).isGreaterThanOrEqualTo(delays.getFirst().multipliedBy(4));
    assertThat(delays.getFirst()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(transport.deliveredIds())
        .containsExactlyElementsOf(healthy.stream().map(EventEnvelope::eventId).toList());
  }

  @Test
  void transportThatThrowsFailsTheWholeBatchForRetry() {
    EventEnvelope event = append(Unique.nodeId());
    transport.throwOnNextCalls(1, "connection refused");

    RelayRun run = relay.runOnce();

    assertThat(run.retried()).isEqualTo(1);
    OutboxEntry entry = wiring.outbox.find(event.eventId()).orElseThrow();
    assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(entry.attempts()).isEqualTo(1);
    assertThat(entry.lastError().orElseThrow()).contains("connection refused");
  }

  @Test
  void replayedEventIsDeliveredAgain() {
    EventEnvelope event = append(Unique.nodeId());
    transport.failAll("down");
    RelayOutbox impatient =
        new RelayOutbox(
            wiring.outbox,
            transport,
            new RelaySettings(
                10,
                1,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofMillis(100)),
            RandomGenerator.of("L64X128MixRandom"));
    impatient.runOnce();
    transport.recover();

    new ReplayFailedEvent(wiring.outbox, () -> {}).execute(event.eventId());
    impatient.runOnce();

    assertThat(transport.deliveredIds()).containsExactly(event.eventId());
    assertThat(wiring.outbox.find(event.eventId()).orElseThrow().status())
        .isEqualTo(OutboxStatus.DISPATCHED);
  }

  private EventEnvelope append(NodeId node) {
    return wiring.unitOfWork.execute(
        () ->
            publisher
                .publish(RequestContext.system(), tenant, new NodeUnpublished(node))
                .getFirst());
  }
}
