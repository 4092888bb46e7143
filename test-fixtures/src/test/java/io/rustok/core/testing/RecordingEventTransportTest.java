package io.rustok.core.testing;

import static io.rustok.core.testing.EnvelopeBuilder.anEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.NodeDeleted;
import io.rustok.core.domain.outbox.DeliveryReport;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RecordingEventTransportTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final RecordingEventTransport transport = new RecordingEventTransport();

  @Test
  void deliverRecordsEnvelopesInOrder() {
    EventEnvelope first = anEnvelope().build();
    EventEnvelope second = anEnvelope().build();

    DeliveryReport report = transport.deliver(List.of(first, second));

    assertThat(report.failures()).isEmpty();
    assertThat(transport.delivered()).containsExactly(first, second);
    assertThat(transport.deliveredIds()).containsExactly(first.eventId(), second.eventId());
    assertThat(transport.callCount()).isOne();
  }

  @Test
  void queriesFilterByTypeTenantAndAggregate() {
    TenantId tenant = Unique.tenantId();
    NodeId node = Unique.nodeId();
    EventEnvelope updated = anEnvelope().inTenant(tenant).aboutNode(node).build();
    EventEnvelope deleted = anEnvelope().withEvent(new NodeDeleted(node, NodeKind.POST)).build();
    EventEnvelope unrelated = anEnvelope().build();

    transport.deliver(List.of(updated, deleted, unrelated));

    assertThat(transport.deliveredOfType("node.deleted")).containsExactly(deleted);
    assertThat(transport.deliveredForTenant(tenant)).containsExactly(updated);
    assertThat(transport.deliveredForAggregate(node.value())).containsExactly(updated, deleted);
  }

  @Test
  void awaitCountReturnsOnceAnotherThreadDelivers() throws Exception {
    EventEnvelope envelope = anEnvelope().build();

    CompletableFuture<List<EventEnvelope>> waiting =
        CompletableFuture.supplyAsync(() -> transport.awaitCount(1, WAIT));
    transport.deliver(List.of(envelope));

    assertThat(waiting.get(20, TimeUnit.SECONDS)).containsExactly(envelope);
  }

  @Test
  void awaitCountTimesOutWithCounts() {
    transport.deliver(List.of(anEnvelope().build()));

    assertThatThrownBy(() -> transport.awaitCount(2, Duration.ofMillis(50)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("2 delivered envelopes")
        .hasMessageContaining("got 1 envelopes in 1 calls");
  }

  @Test
  void failWhenReportsMatchingAndDeliversRest() {
    EventEnvelope poison = anEnvelope().build();
    EventEnvelope fine = anEnvelope().build();
    transport.failWhen(envelope -> envelope.equals(poison), "rejected");

    DeliveryReport report = transport.deliver(List.of(poison, fine));

    assertThat(report.failures()).containsOnlyKeys(poison.eventId());
    assertThat(report.failures()).containsValue("rejected");
    assertThat(transport.delivered()).containsExactly(fine);
    assertThat(transport.calls()).containsExactly(List.of(poison, fine));
  }

  @Test
  void failAllUntilRecover() {
    EventEnvelope envelope = anEnvelope().build();
    transport.failAll("broker unavailable");

    DeliveryReport failed = transport.deliver(List.of(envelope));
    DeliveryReport stillFailed = transport.deliver(List.of(envelope));
    transport.recover();
    DeliveryReport delivered = transport.deliver(List.of(envelope));

    assertThat(failed.failed(envelope.eventId())).isTrue();
    assertThat(stillFailed.failed(envelope.eventId())).isTrue();
    assertThat(delivered.failures()).isEmpty();
    assertThat(transport.delivered()).containsExactly(envelope);
  }

  @Test
  void failNextCallsFailsThatManyCalls() {
    EventEnvelope envelope = anEnvelope().build();
    transport.failNextCalls(2, "timed out");

    boolean first = transport.deliver(List.of(envelope)).failed(envelope.eventId());
    boolean second = transport.deliver(List.of(envelope)).failed(envelope.eventId());
    boolean third = transport.deliver(List.of(envelope)).failed(envelope.eventId());

    assertThat(first).isTrue();
    assertThat(second).isTrue();
    assertThat(third).isFalse();
    assertThat(transport.callCount()).isEqualTo(3);
  }

  @Test
  void throwOnNextCallsThrowsThatManyTimes() {
    EventEnvelope envelope = anEnvelope().build();
    transport.throwOnNextCalls(1, "connection refused");

    assertThatThrownBy(() -> transport.deliver(List.of(envelope)))
        .isInstanceOf(RecordingEventTransport.DeliveryFailure.class)
        .hasMessage("connection refused");
    DeliveryReport report = transport.deliver(List.of(envelope));

    assertThat(report.failures()).isEmpty();
    assertThat(transport.delivered()).containsExactly(envelope);
    assertThat(transport.callCount()).isEqualTo(2);
  }

  @Test
  void pauseHoldsDeliveryUntilResume() throws Exception {
    EventEnvelope envelope = anEnvelope().build();
    transport.pause();

    CompletableFuture<DeliveryReport> delivering =
        CompletableFuture.supplyAsync(() -> transport.deliver(List.of(envelope)));
    transport.awaitCalls(1, WAIT);
    List<EventEnvelope> deliveredWhilePaused = transport.delivered();
    transport.resume();

    assertThat(deliveredWhilePaused).isEmpty();
    assertThat(delivering.get(20, TimeUnit.SECONDS).failures()).isEmpty();
    assertThat(transport.delivered()).containsExactly(envelope);
  }

  @Test
  void clearForgetsRecordsButKeepsFailures() {
    EventEnvelope envelope = anEnvelope().build();
    transport.deliver(List.of(envelope));
    transport.failAll("down");

    transport.clear();

    assertThat(transport.delivered()).isEmpty();
    assertThat(transport.callCount()).isZero();
    assertThat(transport.deliver(List.of(envelope)).failed(envelope.eventId())).isTrue();
  }
}
