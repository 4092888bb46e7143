package io.rustok.core.adapters.inmemory;

import static io.rustok.core.testing.EnvelopeBuilder.anEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.outbox.ClaimedEvent;
import io.rustok.core.domain.outbox.OutboxEntry;
import io.rustok.core.domain.outbox.OutboxStatus;
import io.rustok.core.domain.shared.DuplicateException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Behaviour of the in-memory outbox that the port contracts leave open or bound loosely. */
class InMemoryOutboxTest {
  private static final Duration LEASE = Duration.ofSeconds(30);

  private final InMemoryStore store = new InMemoryStore();
  private final InMemoryOutbox outbox = store.outbox;

  @Test
  void appendOfStoredEventIdThrowsDuplicate() {
    EventEnvelope envelope = anEnvelope().build();
    append(envelope);

    assertThatThrownBy(() -> append(envelope))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("eventId"));
    assertThat(outbox.stats().pending()).isOne();
  }

  @Test
  void claimInsideRolledBackUnitIsUndone() {
    EventEnvelope envelope = anEnvelope().build();
    append(envelope);

    assertThatThrownBy(
            () ->
                store.unitOfWork.execute(
                    () -> {
                      assertThat(outbox.claim(10, LEASE)).hasSize(1);
                      throw new IllegalStateException("planned failure after the claim");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(outbox.claim(10, LEASE)).hasSize(1);
  }

  @Test
  void retryLaterSchedulesExactlyAfterDelay() {
    EventEnvelope envelope = anEnvelope().build();
    append(envelope);
    store.clock.advance(Duration.ofSeconds(5));
    Instant retryTime = store.clock.instant();
    ClaimedEvent claimed = outbox.claim(10, LEASE).getFirst();

    outbox.retryLater(claimed, Duration.ofMinutes(2), "broker unavailable");

    OutboxEntry entry = outbox.find(envelope.eventId()).orElseThrow();
    assertThat(entry.nextAttemptAt()).contains(retryTime.plus(Duration.ofMinutes(2)));
  }

  @Test
  void dispatchedEventKeepsItsAttempts() {
    EventEnvelope envelope = anEnvelope().build();
    append(envelope);
    outbox.retryLater(outbox.claim(10, LEASE).getFirst(), Duration.ZERO, "first failure");
    ClaimedEvent claimed = outbox.claim(10, LEASE).getFirst();

    outbox.markDispatched(List.of(claimed));

    OutboxEntry entry = outbox.find(envelope.eventId()).orElseThrow();
    assertThat(entry.nextAttemptAt()).isEmpty();
    assertThat(entry.dispatchedAt()).contains(store.clock.instant());
    assertThat(entry.attempts()).isOne();
  }

  @Test
  void staleClaimStaysCurrentUntilAnotherClaim() {
    append(anEnvelope().build());
    ClaimedEvent claimed = outbox.claim(10, LEASE).getFirst();
    store.clock.advance(LEASE.plusSeconds(1));

    int dispatched = outbox.markDispatched(List.of(claimed));

    assertThat(dispatched).isOne();
  }

  @Test
  void oldestPendingAgeIsExact() {
    append(anEnvelope().build());
    store.clock.advance(Duration.ofSeconds(90));

    assertThat(outbox.stats().oldestPendingAge()).contains(Duration.ofSeconds(90));
  }

  @Test
  void invalidArgumentsAreRejected() {
    append(anEnvelope().build());
    ClaimedEvent claimed = outbox.claim(10, LEASE).getFirst();

    assertThatThrownBy(() -> outbox.claim(0, LEASE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> outbox.claim(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> outbox.retryLater(claimed, Duration.ofSeconds(-1), "error"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> outbox.list(OutboxStatus.PENDING, 0, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void append(EventEnvelope envelope) {
    store.unitOfWork.execute(
        () -> {
          outbox.append(List.of(envelope));
          return null;
        });
  }
}
