package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.outbox.ClaimToken;
import io.rustok.core.domain.outbox.ClaimedEvent;
import io.rustok.core.domain.outbox.OutboxEntry;
import io.rustok.core.domain.outbox.OutboxStats;
import io.rustok.core.domain.outbox.OutboxStatus;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.testing.postgres.PostgresExtension;
import io.rustok.core.testing.postgres.StatementCounter;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqOutboxStoreIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();

  private static final Duration LEASE = Duration.ofMinutes(5);

  private final JsonEnvelopeCodec codec = new JsonEnvelopeCodec();
  private JooqUnitOfWork unitOfWork;
  private JooqNodeRepository nodes;
  private JooqOutboxStore store;
  private TenantId tenant;

  @BeforeEach
  void emptyOutbox() {
    db.truncateAllTables();
    JooqAdapters adapters = JooqAdapters.using(db.dataSource(), codec);
    unitOfWork = adapters.unitOfWork();
    nodes = adapters.nodes();
    store = adapters.outbox();
    tenant = Samples.tenantId();
  }

  @Test
  void appendOutsideUnitThrows() {
    EventEnvelope envelope = Samples.nodeCreated(Samples.node(tenant));

    assertThatThrownBy(() -> store.append(List.of(envelope)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("active unit of work");

    assertThat(store.find(envelope.eventId())).isEmpty();
  }

  @Test
  void claimReturnsEnvelopesInOrder() {
    List<EventEnvelope> envelopes = appendNodeCreated(3);

    List<ClaimedEvent> claimed = store.claim(10, LEASE);

    assertThat(claimed)
        .extracting(event -> event.envelope().orElseThrow())
        .containsExactlyElementsOf(envelopes);
    assertThat(claimed).extracting(ClaimedEvent::attempts).containsOnly(0);
    assertThat(claimed.stream().map(ClaimedEvent::claimToken).distinct()).hasSize(1);
  }

  @Test
  void appendStoresTypeAndVersionFromEnvelope() {
    EventEnvelope envelope = appendNodeCreated(1).getFirst();

    OutboxEntry entry = store.find(envelope.eventId()).orElseThrow();

    assertThat(entry.eventType()).isEqualTo("node.created");
    assertThat(entry.schemaVersion()).isEqualTo(2);
    assertThat(entry.tenantId()).isEqualTo(tenant);
    assertThat(entry.aggregateId()).isEqualTo(envelope.aggregateId());
    assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(entry.attempts()).isZero();
    assertThat(entry.lastError()).isEmpty();
    assertThat(entry.dispatchedAt()).isEmpty();
    assertThat(entry.nextAttemptAt()).isPresent();
  }

  @Test
  void appendRolledBackWithItsUnitLeavesNothing() {
    EventEnvelope envelope = Samples.nodeCreated(Samples.node(tenant));

    assertThatThrownBy(
            () ->
                unitOfWork.execute(
                    () -> {
                      store.append(List.of(envelope));
                      throw new IllegalStateException("use case failed");
                    }))
        .hasMessage("use case failed");

    assertThat(store.find(envelope.eventId())).isEmpty();
    assertThat(store.claim(10, LEASE)).isEmpty();
  }

  @Test
  void appendAndClaimAreOneStatementEach() {
    StatementCounter counter = new StatementCounter();
    JooqAdapters counted = JooqAdapters.using(counter.wrap(db.dataSource()), codec);
    List<EventEnvelope> envelopes =
        List.of(
            Samples.nodeCreated(Samples.node(tenant)),
            Samples.nodeCreated(Samples.node(tenant)),
            Samples.nodeCreated(Samples.node(tenant)));

    counted
        .unitOfWork()
        .execute(
            () -> {
              counted.outbox().append(envelopes);
              return null;
            });
    long appendStatements = counter.count("sys_events");
    counter.reset();
    List<ClaimedEvent> claimed = counted.outbox().claim(10, LEASE);

    assertThat(appendStatements).isEqualTo(1);
    assertThat(claimed).hasSize(3);
    assertThat(counter.count("sys_events")).isEqualTo(1);
    assertThat(counter.total()).isEqualTo(1);
  }

  @Test
  void claimedEventsAreNotClaimedAgain() {
    appendNodeCreated(3);

    List<ClaimedEvent> first = store.claim(2, LEASE);
    List<ClaimedEvent> second = store.claim(10, LEASE);
    List<ClaimedEvent> third = store.claim(10, LEASE);

    assertThat(first).hasSize(2);
    assertThat(second).hasSize(1);
    assertThat(second.getFirst().id()).isNotIn(first.stream().map(ClaimedEvent::id).toList());
    assertThat(third).isEmpty();
  }

  /**
   * Another transaction holds a row lock on the oldest event, as a claim statement still running
   * would. A claim must skip that row and return the next event without waiting for the lock.
   */
  @Test
  void claimSkipsRowsLockedElsewhere() throws Exception {
    List<EventEnvelope> envelopes = appendNodeCreated(2);
    try (Connection locker = db.dataSource().getConnection()) {
      locker.setAutoCommit(false);
      DSL.using(locker, SQLDialect.POSTGRES)
          .selectFrom(Schema.SysEvents.TABLE)
          .where(Schema.SysEvents.ID.eq(envelopes.getFirst().eventId().value()))
          .forUpdate()
          .fetch();
      try {
        List<ClaimedEvent> claimed =
            CompletableFuture.supplyAsync(() -> store.claim(10, LEASE)).get(10, TimeUnit.SECONDS);

        assertThat(ids(claimed)).containsExactly(envelopes.get(1).eventId());
      } finally {
        locker.rollback();
      }
    }
  }

  @Test
  void markDispatchedCompletesHeldEvents() {
    appendNodeCreated(2);
    List<ClaimedEvent> claimed = store.claim(10, LEASE);

    int dispatched = store.markDispatched(claimed);

    assertThat(dispatched).isEqualTo(2);
    OutboxEntry entry = store.find(claimed.getFirst().id()).orElseThrow();
    assertThat(entry.status()).isEqualTo(OutboxStatus.DISPATCHED);
    assertThat(entry.dispatchedAt()).isPresent();
    assertThat(entry.nextAttemptAt()).isEmpty();
    assertThat(store.claim(10, LEASE)).isEmpty();
    assertThat(store.markDispatched(claimed)).isZero();
  }

  @Test
  void foreignTokenChangesNothing() {
    appendNodeCreated(1);
    ClaimedEvent claimed = store.claim(1, LEASE).getFirst();
    ClaimedEvent forged = withToken(claimed, ClaimToken.random());

    assertThat(store.markDispatched(List.of(forged))).isZero();
    assertThat(store.retryLater(forged, Duration.ZERO, "forged")).isFalse();
    assertThat(store.markFailed(forged, "forged")).isFalse();
    assertThat(store.release(List.of(forged))).isZero();
    assertThat(store.find(claimed.id()).orElseThrow().attempts()).isZero();
    assertThat(store.markDispatched(List.of(claimed))).isEqualTo(1);
  }

  @Test
  void retryLaterDelaysEventAndCountsAttempt() {
    appendNodeCreated(1);
    ClaimedEvent claimed = store.claim(1, LEASE).getFirst();
    Instant before = databaseNow();

    boolean rescheduled = store.retryLater(claimed, Duration.ofHours(1), "broker unavailable");

    assertThat(rescheduled).isTrue();
    OutboxEntry entry = store.find(claimed.id()).orElseThrow();
    assertThat(entry.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(entry.attempts()).isEqualTo(1);
    assertThat(entry.lastError()).contains("broker unavailable");
    assertThat(entry.nextAttemptAt().orElseThrow())
        .isBetween(before.plus(Duration.ofHours(1)), databaseNow().plus(Duration.ofHours(1)));
    assertThat(store.claim(10, LEASE)).isEmpty();
    assertThat(store.markDispatched(List.of(claimed))).isZero();
  }

  @Test
  void retriedEventIsClaimedAgainWhenDue() {
    appendNodeCreated(1);
    ClaimedEvent claimed = store.claim(1, LEASE).getFirst();
    store.retryLater(claimed, Duration.ZERO, "first attempt failed");

    List<ClaimedEvent> again = store.claim(10, LEASE);

    assertThat(again).hasSize(1);
    assertThat(again.getFirst().id()).isEqualTo(claimed.id());
    assertThat(again.getFirst().attempts()).isEqualTo(1);
    assertThat(again.getFirst().claimToken()).isNotEqualTo(claimed.claimToken());
  }

  @Test
  void markFailedParksEventUntilReplayed() {
    appendNodeCreated(1);
    ClaimedEvent claimed = store.claim(1, LEASE).getFirst();

    boolean parked = store.markFailed(claimed, "poison event");

    assertThat(parked).isTrue();
    OutboxEntry entry = store.find(claimed.id()).orElseThrow();
    assertThat(entry.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(entry.attempts()).isEqualTo(1);
    assertThat(entry.lastError()).contains("poison event");
    assertThat(store.list(OutboxStatus.FAILED, 10, Optional.empty()))
        .extracting(OutboxEntry::id)
        .containsExactly(claimed.id());
    assertThat(store.claim(10, LEASE)).isEmpty();

    assertThat(store.replay(claimed.id())).isTrue();

    List<ClaimedEvent> replayed = store.claim(10, LEASE);
    assertThat(replayed).extracting(ClaimedEvent::id).containsExactly(claimed.id());
    assertThat(replayed.getFirst().attempts()).isZero();
    assertThat(store.list(OutboxStatus.FAILED, 10, Optional.empty())).isEmpty();
  }

  @Test
  void replayNeedsFailedEvent() {
    EventEnvelope pending = appendNodeCreated(1).getFirst();

    assertThat(store.replay(pending.eventId())).isFalse();
    assertThat(store.replay(Samples.eventId())).isFalse();
  }

  @Test
  void releasedEventIsClaimableAtOnce() {
    appendNodeCreated(2);
    List<ClaimedEvent> claimed = store.claim(10, LEASE);

    int released = store.release(claimed);

    assertThat(released).isEqualTo(2);
    List<ClaimedEvent> again = store.claim(10, LEASE);
    assertThat(again).extracting(ClaimedEvent::id).containsExactlyElementsOf(ids(claimed));
    assertThat(again).extracting(ClaimedEvent::attempts).containsOnly(0);
    assertThat(store.release(claimed)).isZero();
  }

  @Test
  void abandonedClaimIsClaimedAgainAfterLease() {
    appendNodeCreated(1);
    ClaimedEvent abandoned = store.claim(10, Duration.ofSeconds(1)).getFirst();
    assertThat(store.claim(10, LEASE)).isEmpty();

    List<ClaimedEvent> reclaimed =
        await()
            .atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> store.claim(10, LEASE), events -> !events.isEmpty());

    assertThat(reclaimed).extracting(ClaimedEvent::id).containsExactly(abandoned.id());
    assertThat(reclaimed.getFirst().attempts()).isZero();
    assertThat(store.markDispatched(List.of(abandoned))).isZero();
    assertThat(store.markDispatched(reclaimed)).isEqualTo(1);
  }

  @Test
  void expiredUntakenClaimStillCompletes() {
    appendNodeCreated(1);
    ClaimedEvent claimed = store.claim(10, Duration.ofMillis(1)).getFirst();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> databaseNow().isAfter(claimedUntil(claimed.id())));

    assertThat(store.markDispatched(List.of(claimed))).isEqualTo(1);
  }

  @Test
  void unreadablePayloadDoesNotStopBatch() {
    EventEnvelope first = appendNodeCreated(1).getFirst();
    EventId unknownType = Samples.eventId();
    insertRow(
        unknownType,
        "{\"eventId\": \"" + unknownType + "\", \"eventType\": \"mystery\", \"schemaVersion\": 1}",
        "mystery",
        1);
    EventId damaged = Samples.eventId();
    insertRow(damaged, "{\"not\": \"an envelope\"}", "node.created", 1);
    EventEnvelope last = appendNodeCreated(1).getFirst();

    List<ClaimedEvent> claimed = store.claim(10, LEASE);

    assertThat(claimed)
        .extracting(ClaimedEvent::id)
        .containsExactly(first.eventId(), unknownType, damaged, last.eventId());
    assertThat(claimed.get(0).envelope()).contains(first);
    assertThat(claimed.get(1).envelope()).isEmpty();
    assertThat(claimed.get(1).eventType()).isEqualTo("mystery");
    assertThat(claimed.get(1).unreadableReason())
        .hasValueSatisfying(reason -> assertThat(reason).contains("unknown event type"));
    assertThat(claimed.get(2).unreadableReason())
        .hasValueSatisfying(reason -> assertThat(reason).contains("missing"));
    assertThat(claimed.get(3).envelope()).contains(last);
  }

  @Test
  void payloadWithMismatchedIdIsUnreadable() {
    EventEnvelope envelope = Samples.nodeCreated(Samples.node(tenant));
    EventId rowId = Samples.eventId();
    insertRow(rowId, codec.encode(envelope), envelope.eventType(), envelope.schemaVersion());

    ClaimedEvent claimed = store.claim(10, LEASE).getFirst();

    assertThat(claimed.id()).isEqualTo(rowId);
    assertThat(claimed.unreadableReason())
        .hasValueSatisfying(reason -> assertThat(reason).contains("differs from the row id"));
  }

  @Test
  void nulInPayloadRollsBackWholeUnit() {
    Node node = Samples.node(tenant);
    EventEnvelope good = Samples.nodeCreated(node);
    EventEnvelope withNul = Samples.nodeCreated(tenant, "Title with \u0000 inside");

    assertThatThrownBy(
            () ->
                unitOfWork.execute(
                    () -> {
                      nodes.insert(node);
                      store.append(List.of(good, withNul));
                      return null;
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(withNul.eventId().toString())
        .hasMessageContaining("NUL");

    assertThat(nodes.find(tenant, node.id())).isEmpty();
    assertThat(store.find(good.eventId())).isEmpty();
    assertThat(store.stats().pending()).isZero();
  }

  @Test
  void loneSurrogateInPayloadIsRejected() {
    EventEnvelope withSurrogate = Samples.nodeCreated(tenant, "Broken \uDC00 title");

    assertThatThrownBy(
            () ->
                unitOfWork.execute(
                    () -> {
                      store.append(List.of(withSurrogate));
                      return null;
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired UTF-16 surrogate");

    assertThat(store.find(withSurrogate.eventId())).isEmpty();
  }

  @Test
  void surrogatePairInPayloadIsStored() {
    EventEnvelope withEmoji = Samples.nodeCreated(tenant, "Party \uD83C\uDF89 time");

    unitOfWork.execute(
        () -> {
          store.append(List.of(withEmoji));
          return null;
        });

    assertThat(store.claim(10, LEASE).getFirst().envelope()).contains(withEmoji);
  }

  @Test
  void errorTextIsMadeStorable() {
    appendNodeCreated(1);
    ClaimedEvent claimed = store.claim(1, LEASE).getFirst();
    String error = "bad\u0000byte " + "x".repeat(5_000);

    store.retryLater(claimed, Duration.ofHours(1), error);

    String stored = store.find(claimed.id()).orElseThrow().lastError().orElseThrow();
    assertThat(stored).startsWith("bad\uFFFDbyte x");
    assertThat(stored).hasSize(JooqOutboxStore.MAX_ERROR_LENGTH);
  }

  @Test
  void statsCountEventsByStatus() {
    appendNodeCreated(4);
    List<ClaimedEvent> claimed = store.claim(2, LEASE);
    store.markDispatched(List.of(claimed.get(0)));
    store.markFailed(claimed.get(1), "poison");

    OutboxStats stats = store.stats();

    assertThat(stats.pending()).isEqualTo(2);
    assertThat(stats.dispatched()).isEqualTo(1);
    assertThat(stats.failed()).isEqualTo(1);
    assertThat(stats.oldestPendingAge())
        .hasValueSatisfying(age -> assertThat(age.isNegative()).isFalse());
  }

  @Test
  void statsOfEmptyOutboxHaveNoAge() {
    OutboxStats stats = store.stats();

    assertThat(stats).isEqualTo(new OutboxStats(0, 0, 0, Optional.empty()));
  }

  @Test
  void listReturnsNewestFirst() {
    List<EventEnvelope> first = appendNodeCreated(2);
    List<EventEnvelope> second = appendNodeCreated(2);

    List<OutboxEntry> listed = store.list(OutboxStatus.PENDING, 3, Optional.empty());

    assertThat(listed)
        .extracting(OutboxEntry::id)
        .containsExactly(second.get(1).eventId(), second.get(0).eventId(), first.get(1).eventId());
  }

  private List<EventEnvelope> appendNodeCreated(int count) {
    List<EventEnvelope> envelopes =
        java.util.stream.Stream.generate(() -> Samples.nodeCreated(Samples.node(tenant)))
            .limit(count)
            .toList();
    unitOfWork.execute(
        () -> {
          store.append(envelopes);
          return null;
        });
    return envelopes;
  }

  private static void insertRow(EventId id, String payload, String eventType, int schemaVersion) {
    db.dsl()
        .execute(
            "insert into sys_events (id, payload, event_type, schema_version)"
                + " values (?::uuid, ?::jsonb, ?, ?)",
            id.value().toString(),
            payload,
            eventType,
            schemaVersion);
  }

  private static Instant databaseNow() {
    return db.dsl().select(Schema.NOW).fetchSingle(Schema.NOW);
  }

  private static Instant claimedUntil(EventId id) {
    return db.dsl()
        .select(Schema.SysEvents.CLAIMED_UNTIL)
        .from(Schema.SysEvents.TABLE)
        .where(Schema.SysEvents.ID.eq(id.value()))
        .fetchSingle(Schema.SysEvents.CLAIMED_UNTIL);
  }

  private static List<EventId> ids(List<ClaimedEvent> events) {
    return events.stream().map(ClaimedEvent::id).toList();
  }

  private static ClaimedEvent withToken(ClaimedEvent event, ClaimToken token) {
    return new ClaimedEvent(
        event.id(),
        event.eventType(),
        event.schemaVersion(),
        token,
        event.attempts(),
        event.envelope(),
        event.unreadableReason());
  }
}
