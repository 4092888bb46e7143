package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.outbox.ClaimedEvent;
import io.rustok.core.domain.outbox.OutboxStats;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.testing.postgres.PostgresExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two relays, each with its own connection pool, draining one outbox at the same time. */
class ConcurrentDrainIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();

  private static final int EVENTS = 5_000;
  private static final int BATCH = 50;

  @Test
  void twoStoresDeliverEachEventExactlyOnce() throws Exception {
    JsonEnvelopeCodec codec = new JsonEnvelopeCodec();
    List<EventId> appended = appendEvents(JooqAdapters.using(db.dataSource(), codec));
    Map<EventId, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    PostgresConfig config =
        PostgresConfig.of(db.jdbcUrl()).withMaximumPoolSize(2).withMigrate(false);

    ExecutorService relays = Executors.newFixedThreadPool(2);
    try (JooqAdapters first = JooqAdapters.start(config, codec);
        JooqAdapters second = JooqAdapters.start(config, codec)) {
      Future<Integer> firstDrained = relays.submit(() -> drain(first.outbox(), deliveries, start));
      Future<Integer> secondDrained =
          relays.submit(() -> drain(second.outbox(), deliveries, start));
      start.countDown();

      int firstCount = firstDrained.get(2, TimeUnit.MINUTES);
      int secondCount = secondDrained.get(2, TimeUnit.MINUTES);

      assertThat(firstCount + secondCount).isEqualTo(EVENTS);
      assertThat(firstCount).as("events drained by the first store").isPositive();
      assertThat(secondCount).as("events drained by the second store").isPositive();
    } finally {
      relays.shutdownNow();
    }

    assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(appended);
    assertThat(deliveries.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    OutboxStats stats = JooqAdapters.using(db.dataSource(), codec).outbox().stats();
    assertThat(stats.dispatched()).isEqualTo(EVENTS);
    assertThat(stats.pending()).isZero();
  }

  /** Claims, records and completes batches until a claim returns nothing. */
  private static int drain(
      JooqOutboxStore store, Map<EventId, AtomicInteger> deliveries, CountDownLatch start)
      throws InterruptedException {
    start.await();
    int dispatched = 0;
    while (true) {
      List<ClaimedEvent> batch = store.claim(BATCH, Duration.ofMinutes(1));
      if (batch.isEmpty()) {
        return dispatched;
      }
      for (ClaimedEvent event : batch) {
        deliveries.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
      }
      dispatched += store.markDispatched(batch);
    }
  }

  private static List<EventId> appendEvents(JooqAdapters adapters) {
    TenantId tenant = Samples.tenantId();
    List<EventId> ids = new ArrayList<>(EVENTS);
    for (int unit = 0; unit < EVENTS / 500; unit++) {
      List<EventEnvelope> envelopes = new ArrayList<>(500);
      for (int i = 0; i < 500; i++) {
        envelopes.add(Samples.nodeCreated(Samples.node(tenant)));
      }
      adapters
          .unitOfWork()
          .execute(
              () -> {
                adapters.outbox().append(envelopes);
                return null;
              });
      envelopes.forEach(envelope -> ids.add(envelope.eventId()));
    }
    return ids;
  }
}
