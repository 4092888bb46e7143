package io.rustok.core.testing.contract;

import static io.rustok.core.testing.EnvelopeBuilder.anEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.outbox.ClaimToken;
import io.rustok.core.domain.outbox.ClaimedEvent;
import io.rustok.core.domain.outbox.OutboxEntry;
import io.rustok.core.domain.outbox.OutboxStats;
import io.rustok.core.domain.outbox.OutboxStatus;
import io.rustok.core.domain.outbox.OutboxStore;
import io.rustok.core.testing.Unique;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Contract of {@link OutboxStore} with the {@link io.rustok.core.domain.outbox.EventOutbox} that
 * fills it: claims with leases, completion conditional on the claim token, backoff, dead letters,
 * replay, release, statistics and concurrent claimers.
 *
 * <p>Tests that need time to pass call {@link #advanceStoreClock} instead of waiting, and never
 * move time by less than a second, so a store whose clock also runs on its own (a database's {@code
 * now()}) passes as long as the suite runs in well under a minute.
 */
public abstract class OutboxStoreContract extends AdapterContract {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration LONG_LEASE = Duration.ofMinutes(10);
  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  /**
   * Moves the store's notion of "now" forward by {@code amount}, for lease expiry, backoff and
   * event age. An in-memory store advances its clock; a database store may shift the time that its
   * queries use through a setting that only tests change.
   */
  protected abstract void advanceStoreClock(Duration amount);

  private OutboxStore store() {
    return adapters.outboxStore();
  }

  @Test
  void claimReturnsCommittedEventsOldestFirst() {
    EventEnvelope first =
        anEnvelope()
            .byActor(Unique.actorId())
            .causedBy(Unique.eventId())
            .withTraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            .build();
    EventEnvelope second = anEnvelope().build();
    EventEnvelope third = anEnvelope().build();
    append(first, second);
    append(third);

    List<ClaimedEvent> claimed = store().claim(10, LEASE);

    assertThat(ids(claimed)).containsExactly(first.eventId(), second.eventId(), third.eventId());
    assertThat(claimed.getFirst().envelope()).contains(first);
    assertThat(claimed.getFirst().eventType()).isEqualTo(first.eventType());
    assertThat(claimed.getFirst().schemaVersion()).isEqualTo(first.schemaVersion());
    assertThat(claimed).allSatisfy(event -> assertThat(event.attempts()).isZero());
  }

  @Test
  void claimOfEmptyStoreReturnsNothing() {
    assertThat(store().claim(10, LEASE)).isEmpty();
  }

  @Test
  void claimTakesAtMostTheLimit() {
    List<EventEnvelope> appended = appendSeveral(5);

    List<ClaimedEvent> first = store().claim(2, LEASE);
    List<ClaimedEvent> rest = store().claim(10, LEASE);

    assertThat(ids(first)).containsExactlyElementsOf(eventIds(appended.subList(0, 2)));
    assertThat(ids(rest)).containsExactlyElementsOf(eventIds(appended.subList(2, 5)));
  }

  @Test
  void rolledBackEventsAreNeverClaimed() {
    EventEnvelope envelope = anEnvelope().build();

    assertThatThrownBy(
            () ->
                inUnit(
                    () -> {
                      adapters.outbox().append(List.of(envelope));
                      throw new IllegalStateException("planned failure after the append");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(store().claim(10, LEASE)).isEmpty();
  }

  @Test
  void leasedEventIsNotClaimedTwice() {
    appendSeveral(2);
    store().claim(10, LEASE);

    List<ClaimedEvent> atOnce = store().claim(10, LEASE);
    advanceStoreClock(LEASE.minus(ONE_SECOND));
    List<ClaimedEvent> justBeforeExpiry = store().claim(10, LEASE);

    assertThat(atOnce).isEmpty();
    assertThat(justBeforeExpiry).isEmpty();
  }

  @Test
  void expiredLeaseMakesEventClaimableAgain() {
    List<EventEnvelope> appended = appendSeveral(2);
    List<ClaimedEvent> first = store().claim(10, LEASE);

    advanceStoreClock(LEASE.plus(ONE_SECOND));
    List<ClaimedEvent> second = store().claim(10, LEASE);

    assertThat(ids(second)).containsExactlyElementsOf(eventIds(appended));
    assertThat(second.getFirst().claimToken()).isNotEqualTo(first.getFirst().claimToken());
  }

  @Test
  void staleClaimChangesNothing() {
    appendSeveral(1);
    ClaimedEvent stale = store().claim(10, LEASE).getFirst();
    advanceStoreClock(LEASE.plus(ONE_SECOND));
    ClaimedEvent current = store().claim(10, LEASE).getFirst();

    int dispatched = store().markDispatched(List.of(stale));
    boolean retried = store().retryLater(stale, Duration.ZERO, "stale relay");
    boolean failed = store().markFailed(stale, "stale relay");
    int released = store().release(List.of(stale));

    assertThat(dispatched).isZero();
    assertThat(retried).isFalse();
    assertThat(failed).isFalse();
    assertThat(released).isZero();
    OutboxEntry entry = entry(current.id());
    assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(entry.lastError()).isEmpty();
    assertThat(store().markDispatched(List.of(current))).isOne();
  }

  @Test
  void forgedTokenCannotComplete() {
    appendSeveral(1);
    ClaimedEvent claimed = store().claim(10, LEASE).getFirst();
    ClaimedEvent forged =
        ClaimedEvent.readable(claimed.envelope().orElseThrow(), ClaimToken.random(), 0);

    int dispatched = store().markDispatched(List.of(forged));

    assertThat(dispatched).isZero();
    assertThat(entry(claimed.id()).status()).isEqualTo(OutboxStatus.PENDING);
  }

  @Test
  void markDispatchedCompletesHeldEvents() {
    List<EventEnvelope> appended = appendSeveral(2);
    List<ClaimedEvent> claimed = store().claim(10, LEASE);

    int dispatched = store().markDispatched(claimed);

    assertThat(dispatched).isEqualTo(2);
    for (EventEnvelope envelope : appended) {
      OutboxEntry entry = entry(envelope.eventId());
      assertThat(entry.status()).isEqualTo(OutboxStatus.DISPATCHED);
      assertThat(entry.dispatchedAt()).isPresent();
    }
    advanceStoreClock(LEASE.plus(ONE_SECOND));
    assertThat(store().claim(10, LEASE)).isEmpty();
  }

  @Test
  void markDispatchedCountsEachEventOnce() {
    appendSeveral(1);
    List<ClaimedEvent> claimed = store().claim(10, LEASE);

    int first = store().markDispatched(claimed);
    int again = store().markDispatched(claimed);

    assertThat(first).isOne();
    assertThat(again).isZero();
  }

  @Test
  void retryLaterRecordsFailedAttempt() {
    EventEnvelope envelope = appendSeveral(1).getFirst();
    ClaimedEvent claimed = store().claim(10, LEASE).getFirst();

    boolean retried = store().retryLater(claimed, Duration.ofMinutes(1), "broker unavailable");

    assertThat(retried).isTrue();
    OutboxEntry entry = entry(envelope.eventId());
    assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(entry.attempts()).isOne();
    assertThat(entry.lastError()).contains("broker unavailable");
    assertThat(entry.nextAttemptAt()).isPresent();
    assertThat(entry.nextAttemptAt().orElseThrow())
        .isAfterOrEqualTo(entry.createdAt().plus(Duration.ofMinutes(1)));
  }

  @Test
  void retriedEventIsNotDueBeforeItsDelay() {
    appendSeveral(1);
    ClaimedEvent claimed = store().claim(10, LEASE).getFirst();
    store().retryLater(claimed, Duration.ofMinutes(1), "broker unavailable");

    List<ClaimedEvent> atOnce = store().claim(10, LEASE);
    advanceStoreClock(Duration.ofSeconds(58));
    List<ClaimedEvent> justBefore = store().claim(10, LEASE);
    advanceStoreClock(Duration.ofSeconds(3));
    List<ClaimedEvent> after = store().claim(10, LEASE);

    assertThat(atOnce).isEmpty();
    assertThat(justBefore).isEmpty();
    assertThat(ids(after)).containsExactly(claimed.id());
    assertThat(after.getFirst().attempts()).isOne();
  }

  @Test
  void retryWithoutDelayIsDueAtOnce() {
    appendSeveral(1);
    ClaimedEvent claimed = store().claim(10, LEASE).getFirst();
    store().retryLater(claimed, Duration.ZERO, "try again");

    List<ClaimedEvent> again = store().claim(10, LEASE);

    assertThat(ids(again)).containsExactly(claimed.id());
  }

  @Test
  void markFailedParksDeadLetter() {
    EventEnvelope envelope = appendSeveral(1).getFirst();
    retryOnce("first failure");
    retryOnce("second failure");
    ClaimedEvent third = store().claim(10, LEASE).getFirst();

    boolean failed = store().markFailed(third, "payload rejected");

    assertThat(failed).isTrue();
    assertThat(third.attempts()).isEqualTo(2);
    OutboxEntry entry = entry(envelope.eventId());
    assertThat(entry.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(entry.attempts()).isEqualTo(3);
    assertThat(entry.lastError()).contains("payload rejected");
    advanceStoreClock(Duration.ofHours(1));
    assertThat(store().claim(10, LEASE)).isEmpty();
    assertThat(entryIds(store().list(OutboxStatus.FAILED, 10, Optional.empty())))
        .containsExactly(envelope.eventId());
  }

  @Test
  void replayMovesFailedEventBackWithAttemptsReset() {
    EventEnvelope envelope = appendSeveral(1).getFirst();
    retryOnce("first failure");
    ClaimedEvent claimed = store().claim(10, LEASE).getFirst();
    store().markFailed(claimed, "payload rejected");

    boolean replayed = store().replay(envelope.eventId());

    assertThat(replayed).isTrue();
    OutboxEntry entry = entry(envelope.eventId());
    assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(entry.attempts()).isZero();
    List<ClaimedEvent> again = store().claim(10, LEASE);
    assertThat(ids(again)).containsExactly(envelope.eventId());
    assertThat(again.getFirst().attempts()).isZero();
  }

  @Test
  void replayNeedsFailedEvent() {
    List<EventEnvelope> appended = appendSeveral(2);
    ClaimedEvent dispatched = store().claim(1, LEASE).getFirst();
    store().markDispatched(List.of(dispatched));

    boolean pendingReplayed = store().replay(appended.get(1).eventId());
    boolean dispatchedReplayed = store().replay(appended.get(0).eventId());
    boolean unknownReplayed = store().replay(Unique.eventId());

    assertThat(pendingReplayed).isFalse();
    assertThat(dispatchedReplayed).isFalse();
    assertThat(unknownReplayed).isFalse();
    assertThat(entry(appended.get(0).eventId()).status()).isEqualTo(OutboxStatus.DISPATCHED);
  }

  @Test
  void releaseMakesEventsClaimableAtOnceWithoutAttempt() {
    List<EventEnvelope> appended = appendSeveral(2);
    List<ClaimedEvent> claimed = store().claim(10, LEASE);

    int released = store().release(claimed);
    List<ClaimedEvent> again = store().claim(10, LEASE);

    assertThat(released).isEqualTo(2);
    assertThat(ids(again)).containsExactlyElementsOf(eventIds(appended));
    assertThat(again).allSatisfy(event -> assertThat(event.attempts()).isZero());
    assertThat(entry(appended.getFirst().eventId()).attempts()).isZero();
  }

  @Test
  void statsOfEmptyStoreAreZero() {
    OutboxStats stats = store().stats();

    assertThat(stats.pending()).isZero();
    assertThat(stats.dispatched()).isZero();
    assertThat(stats.failed()).isZero();
    assertThat(stats.oldestPendingAge()).isEmpty();
  }

  @Test
  void statsCountStatusesAndPendingAge() {
    EventEnvelope oldest = appendSeveral(1).getFirst();
    advanceStoreClock(Duration.ofMinutes(2));
    appendSeveral(2);
    advanceStoreClock(Duration.ofMinutes(3));
    ClaimedEvent toDispatch = store().claim(1, LEASE).getFirst();
    store().markDispatched(List.of(toDispatch));
    ClaimedEvent toFail = store().claim(1, LEASE).getFirst();
    store().markFailed(toFail, "payload rejected");

    OutboxStats stats = store().stats();

    assertThat(toDispatch.id()).isEqualTo(oldest.eventId());
    assertThat(stats.pending()).isOne();
    assertThat(stats.dispatched()).isOne();
    assertThat(stats.failed()).isOne();
    assertThat(stats.oldestPendingAge()).isPresent();
    assertThat(stats.oldestPendingAge().orElseThrow())
        .isGreaterThanOrEqualTo(Duration.ofMinutes(3))
        .isLessThan(Duration.ofMinutes(5));
  }

  @Test
  void listShowsEventsOfOneStatusNewestFirst() {
    List<EventEnvelope> appended = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      appended.addAll(appendSeveral(1));
      advanceStoreClock(ONE_SECOND);
    }
    ClaimedEvent middle =
        store().claim(10, LEASE).stream()
            .filter(event -> event.id().equals(appended.get(1).eventId()))
            .findFirst()
            .orElseThrow();
    store().markDispatched(List.of(middle));

    List<OutboxEntry> pending = store().list(OutboxStatus.PENDING, 10, Optional.empty());
    List<OutboxEntry> newestPending = store().list(OutboxStatus.PENDING, 1, Optional.empty());
    List<OutboxEntry> dispatched = store().list(OutboxStatus.DISPATCHED, 10, Optional.empty());
    List<OutboxEntry> failed = store().list(OutboxStatus.FAILED, 10, Optional.empty());

    assertThat(entryIds(pending))
        .containsExactly(appended.get(2).eventId(), appended.get(0).eventId());
    assertThat(entryIds(newestPending)).containsExactly(appended.get(2).eventId());
    assertThat(entryIds(dispatched)).containsExactly(appended.get(1).eventId());
    assertThat(failed).isEmpty();
  }

  @Test
  void listContinuesAfterTheGivenEvent() {
    List<EventEnvelope> appended = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      appended.addAll(appendSeveral(1));
      advanceStoreClock(ONE_SECOND);
    }
    List<EventId> newestFirst = appended.reversed().stream().map(EventEnvelope::eventId).toList();

    List<OutboxEntry> first = store().list(OutboxStatus.PENDING, 2, Optional.empty());
    appendSeveral(1);
    List<OutboxEntry> second =
        store().list(OutboxStatus.PENDING, 2, Optional.of(first.getLast().id()));
    List<OutboxEntry> third =
        store().list(OutboxStatus.PENDING, 2, Optional.of(second.getLast().id()));
    List<OutboxEntry> after =
        store().list(OutboxStatus.PENDING, 2, Optional.of(third.getLast().id()));

    assertThat(entryIds(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
    assertThat(entryIds(second)).containsExactlyElementsOf(newestFirst.subList(2, 4));
    assertThat(entryIds(third)).containsExactlyElementsOf(newestFirst.subList(4, 5));
    assertThat(after).isEmpty();
  }

  @Test
  void listAfterUnknownEventIsEmpty() {
    appendSeveral(2);

    List<OutboxEntry> listed =
        store().list(OutboxStatus.PENDING, 10, Optional.of(anEnvelope().build().eventId()));

    assertThat(listed).isEmpty();
  }

  @Test
  void findShowsStoredEventWithoutPayload() {
    EventEnvelope envelope = appendSeveral(1).getFirst();

    OutboxEntry entry = entry(envelope.eventId());

    assertThat(entry.id()).isEqualTo(envelope.eventId());
    assertThat(entry.eventType()).isEqualTo(envelope.eventType());
    assertThat(entry.schemaVersion()).isEqualTo(envelope.schemaVersion());
    assertThat(entry.tenantId()).isEqualTo(envelope.tenantId());
    assertThat(entry.aggregateId()).isEqualTo(envelope.aggregateId());
    assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(entry.attempts()).isZero();
    assertThat(entry.lastError()).isEmpty();
    assertThat(entry.dispatchedAt()).isEmpty();
  }

  @Test
  void findOfUnknownEventIsEmpty() {
    appendSeveral(1);

    Optional<OutboxEntry> entry = store().find(Unique.eventId());

    assertThat(entry).isEmpty();
  }

  @Test
  void findEnvelopeReturnsTheStoredEnvelope() {
    EventEnvelope envelope =
        anEnvelope()
            .byActor(Unique.actorId())
            .causedBy(Unique.eventId())
            .withTraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            .build();
    append(envelope);

    Optional<EventEnvelope> found = store().findEnvelope(envelope.eventId());

    assertThat(found).contains(envelope);
  }

  @Test
  void findEnvelopeKeepsPayloadAfterDispatch() {
    EventEnvelope envelope = appendSeveral(1).getFirst();
    store().markDispatched(store().claim(10, LEASE));

    Optional<EventEnvelope> found = store().findEnvelope(envelope.eventId());

    assertThat(found).contains(envelope);
  }

  @Test
  void findEnvelopeOfUnknownEventIsEmpty() {
    appendSeveral(1);

    Optional<EventEnvelope> found = store().findEnvelope(Unique.eventId());

    assertThat(found).isEmpty();
  }

  @Test
  void findEnvelopeOfRolledBackEventIsEmpty() {
    EventEnvelope envelope = anEnvelope().build();

    assertThatThrownBy(
            () ->
                inUnit(
                    () -> {
                      adapters.outbox().append(List.of(envelope));
                      throw new IllegalStateException("planned failure after the append");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(store().findEnvelope(envelope.eventId())).isEmpty();
  }

  /**
   * Several threads claim small batches at the same time until nothing is due. With a lease far
   * longer than the test, every event must be claimed exactly once.
   */
  @Test
  @Timeout(60)
  void concurrentClaimersNeverShareAnEvent() throws Exception {
    int eventCount = 400;
    int claimerCount = 4;
    Set<EventId> appended = new HashSet<>();
    for (int unit = 0; unit < eventCount / 50; unit++) {
      appended.addAll(eventIds(appendSeveral(50)));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(claimerCount);
    List<Future<List<EventId>>> claims = new ArrayList<>();
    try {
      for (int i = 0; i < claimerCount; i++) {
        claims.add(pool.submit(claimUntilNothingIsDue(start)));
      }
      start.countDown();
      List<EventId> claimed = new ArrayList<>();
      for (Future<List<EventId>> claim : claims) {
        claimed.addAll(claim.get(50, TimeUnit.SECONDS));
      }

      assertThat(claimed).doesNotHaveDuplicates();
      assertThat(claimed).hasSize(eventCount);
      assertThat(new HashSet<>(claimed)).isEqualTo(appended);
    } finally {
      pool.shutdownNow();
    }
  }

  private Callable<List<EventId>> claimUntilNothingIsDue(CountDownLatch start) {
    return () -> {
      start.await();
      List<EventId> mine = new ArrayList<>();
      List<ClaimedEvent> batch = store().claim(7, LONG_LEASE);
      while (!batch.isEmpty()) {
        mine.addAll(ids(batch));
        batch = store().claim(7, LONG_LEASE);
      }
      return mine;
    };
  }

  /** Claims the only due event and records a failed attempt with no delay, so it is due again. */
  private void retryOnce(String error) {
    ClaimedEvent claimed = store().claim(10, LEASE).getFirst();
    assertThat(store().retryLater(claimed, Duration.ZERO, error)).isTrue();
  }

  private void append(EventEnvelope... envelopes) {
    inUnit(() -> adapters.outbox().append(List.of(envelopes)));
  }

  /** Appends {@code count} new events in one unit and returns them in append order. */
  private List<EventEnvelope> appendSeveral(int count) {
    List<EventEnvelope> envelopes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      envelopes.add(anEnvelope().build());
    }
    inUnit(() -> adapters.outbox().append(envelopes));
    return envelopes;
  }

  private OutboxEntry entry(EventId id) {
    return store().find(id).orElseThrow(() -> new AssertionError("no stored event " + id));
  }

  private static List<EventId> ids(List<ClaimedEvent> events) {
    return events.stream().map(ClaimedEvent::id).toList();
  }

  private static List<EventId> entryIds(List<OutboxEntry> entries) {
    return entries.stream().map(OutboxEntry::id).toList();
  }

  private static List<EventId> eventIds(List<EventEnvelope> envelopes) {
    return envelopes.stream().map(EventEnvelope::eventId).toList();
  }
}
