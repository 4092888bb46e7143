package io.rustok.core.application.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.application.EventPublisher;
import io.rustok.core.application.RequestContext;
import io.rustok.core.application.TestWiring;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.event.NodeUnpublished;
import io.rustok.core.domain.outbox.ClaimedEvent;
import io.rustok.core.domain.outbox.EventTransport;
import io.rustok.core.domain.outbox.OutboxStore;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.testing.ForwardingOutboxStore;
import io.rustok.core.testing.MutableClock;
import io.rustok.core.testing.RecordingEventTransport;
import io.rustok.core.testing.Unique;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RelayOutbox#drain} and {@link OutboxRelayWorker}: the overlap of marking and claiming,
 * delivery order, and what slow deliveries, failed markings and failed claims leave behind.
 */
class RelayDrainTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final RelaySettings BATCHES_OF_TEN =
      new RelaySettings(
          10, 5, Duration.ofSeconds(1), Duration.ofSeconds(60), LEASE, Duration.ofMillis(100));

  private final TestWiring wiring = new TestWiring();
  private final EventPublisher publisher = wiring.publisher();
  private final RecordingEventTransport transport = new RecordingEventTransport();
  private final TenantId tenant = Unique.tenantId();
  private final ExecutorService marker = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopMarker() {
    marker.shutdownNow();
  }

  @Test
  void drainDeliversBatchesInOrder() {
    List<EventId> appended = appendEvents(25);

    RelayRun run = relay(wiring.outbox).drain(marker, () -> true);

    assertThat(run).isEqualTo(new RelayRun(25, 25, 0, 0, 0));
    assertThat(transport.deliveredIds()).containsExactlyElementsOf(appended);
    assertThat(wiring.outbox.stats().pending()).isZero();
    assertThat(wiring.outbox.stats().dispatched()).isEqualTo(25);
  }

  @Test
  void batchIsMarkedWhileNextIsClaimed() {
    appendEvents(20);
    GatedStore store = new GatedStore(wiring.outbox);

    RelayRun run = relay(store).drain(marker, () -> true);

    assertThat(store.markingSawNextClaim.get())
        .as("the first batch's marking ran while the second batch was claimed")
        .isTrue();
    assertThat(run.dispatched()).isEqualTo(20);
  }

  @Test
  void drainStopsWhenAskedAndFinishesItsMarking() {
    appendEvents(30);
    AtomicInteger passes = new AtomicInteger();

    RelayRun run = relay(wiring.outbox).drain(marker, () -> passes.incrementAndGet() <= 2);

    assertThat(run.claimed()).isEqualTo(20);
    assertThat(wiring.outbox.stats().dispatched()).isEqualTo(20);
    assertThat(wiring.outbox.stats().pending()).isEqualTo(10);
  }

  @Test
  void failedMarkingIsThrownAndLeavesEventsClaimed() {
    List<EventId> appended = appendEvents(5);
    GatedStore store = new GatedStore(wiring.outbox);
    store.failMarking = true;

    assertThatThrownBy(() -> relay(store).drain(marker, () -> true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("store went away");

    assertThat(transport.deliveredIds()).containsExactlyElementsOf(appended);
    assertThat(wiring.outbox.stats().pending()).isEqualTo(5);
    assertThat(wiring.outbox.claim(10, Duration.ofSeconds(30)))
        .as("still held by the relay's lease")
        .isEmpty();
  }

  @Test
  void failedClaimWaitsForMarkingInFlight() {
    appendEvents(15);
    GatedStore store = new GatedStore(wiring.outbox);
    store.failSecondClaim = true;

    assertThatThrownBy(() -> relay(store).drain(marker, () -> true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("claim failed");

    assertThat(store.markingFinished.get())
        .as("the first batch's marking finished before drain threw")
        .isTrue();
    assertThat(wiring.outbox.stats().dispatched()).isEqualTo(10);
  }

  /** Delivery that takes longer than the lease, as a slow broker would. */
  private final EventTransport slowTransport =
      batch -> {
        wiring.clock.advance(LEASE.plusSeconds(1));
        return transport.deliver(batch);
      };

  @Test
  void runOnceDeliversOnceDespiteSlowDelivery() {
    List<EventId> appended = appendEvents(20);
    RelayOutbox relay = relay(wiring.outbox, slowTransport);

    while (relay.runOnce().claimed() > 0) {
      // Drains batch by batch, each marked before the next claim.
    }

    assertThat(transport.deliveredIds()).containsExactlyElementsOf(appended);
    assertThat(wiring.outbox.stats().dispatched()).isEqualTo(20);
  }

  @Test
  void drainDeliversOnceDespiteSlowDelivery() {
    List<EventId> appended = appendEvents(20);
    MarkingAfterNextClaim store = new MarkingAfterNextClaim(wiring.outbox);

    relay(store, slowTransport).drain(marker, () -> true);

    assertThat(store.markingWaitedForNextClaim.get())
        .as("the first marking ran after the second claim returned")
        .isEqualTo(1);
    assertThat(transport.deliveredIds())
        .as("a single relay delivers each event once when nothing fails")
        .containsExactlyElementsOf(appended);
    assertThat(wiring.outbox.stats().dispatched()).isEqualTo(20);
  }

  @Test
  void nextBatchMarkedAfterFailedMarking() {
    List<EventId> appended = appendEvents(15);
    MarkingAfterNextClaim store = new MarkingAfterNextClaim(wiring.outbox);
    store.failFirstMarking = true;

    assertThatThrownBy(() -> relay(store, transport).drain(marker, () -> true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("marking failed");

    assertThat(transport.deliveredIds()).containsExactlyElementsOf(appended);
    assertThat(wiring.outbox.stats().dispatched())
        .as("the second batch was delivered and its own marking never failed")
        .isEqualTo(5);
    assertThat(wiring.outbox.stats().pending())
        .as("only the batch whose marking failed stays claimed")
        .isEqualTo(10);
  }

  @Test
  void workerErrorPauseResetsAfterProgress() throws InterruptedException {
    appendEvents(120);
    FailingEveryOtherClaim store = new FailingEveryOtherClaim(wiring.outbox, 6);
    Duration idlePoll = Duration.ofMillis(100);
    OutboxRelayWorker worker = new OutboxRelayWorker(relay(store, transport), idlePoll);

    long started = System.nanoTime();
    worker.start();
    try {
      long deadline = started + TimeUnit.SECONDS.toNanos(20);
      while (wiring.outbox.stats().dispatched() < 120 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      worker.stop(Duration.ofSeconds(10));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(store.failedClaims.get()).isEqualTo(6);
    assertThat(wiring.outbox.stats().dispatched()).isEqualTo(120);
    // Each failure follows a successful pass, so each is a first error and waits one idlePoll,
    // about 0.6 s in all. Doubling the pause across those passes waits 6.3 s.
    assertThat(took)
        .as("time to drain with six failures, each after a successful pass")
        .isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void runOnceProgressesWhenClaimOutlastsLease() {
    List<EventId> appended = appendEvents(30);
    ClaimOutlastingLease store = new ClaimOutlastingLease(wiring.outbox, wiring.clock, false);
    RelayOutbox relay = relay(store, transport);

    for (int pass = 0; pass < 20 && relay.runOnce().claimed() > 0; pass++) {
      // Each batch is marked before the next claim, so no claim takes a batch being marked.
    }

    assertThat(transport.deliveredIds()).containsExactlyElementsOf(appended);
    assertThat(wiring.outbox.stats().dispatched()).isEqualTo(30);
  }

  @Test
  void drainProgressesWhenClaimOutlastsLease() {
    List<EventId> appended = appendEvents(30);
    ClaimOutlastingLease store = new ClaimOutlastingLease(wiring.outbox, wiring.clock, true);
    AtomicInteger passes = new AtomicInteger();

    relay(store, transport).drain(marker, () -> passes.incrementAndGet() <= 20);

    // Every claim's lease has ended when the claim returns, and each marking starts after the
    // next claim, so that claim can take back every event of the batch being marked.
    assertThat(transport.deliveredIds())
        .as("events delivered in 20 passes when every claim outlasts its lease")
        .containsExactlyElementsOf(appended);
    assertThat(wiring.outbox.stats().dispatched()).isEqualTo(30);
  }

  @Test
  void workerErrorPauseGrowsWhileEveryMarkingFails() throws InterruptedException {
    appendEvents(200);
    FailingEveryMarking store = new FailingEveryMarking(wiring.outbox);
    Duration idlePoll = Duration.ofMillis(100);
    OutboxRelayWorker worker = new OutboxRelayWorker(relay(store, transport), idlePoll);

    long started = System.nanoTime();
    worker.start();
    try {
      long deadline = started + TimeUnit.SECONDS.toNanos(10);
      // Each drain delivers two batches, fails to mark the first and then the second.
      while (store.failedMarkings.get() < 12 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    } finally {
      worker.stop(Duration.ofSeconds(10));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(store.failedMarkings.get()).isGreaterThanOrEqualTo(12);
    assertThat(wiring.outbox.stats().dispatched())
        .as("no drain made progress, since no marking succeeded")
        .isZero();
    // Six failed drains in a row wait 100 + 200 + 400 + 800 + 1600 ms between them when the
    // pause doubles, 3.1 s in all. A pause that restarts at idlePoll after every drain that
    // delivered something waits 0.5 s.
    assertThat(took)
        .as("time until the sixth failed drain in a row")
        .isGreaterThan(Duration.ofSeconds(2));
  }

  private RelayOutbox relay(OutboxStore store) {
    return relay(store, transport);
  }

  private RelayOutbox relay(OutboxStore store, EventTransport target) {
    return new RelayOutbox(store, target, BATCHES_OF_TEN, RandomGenerator.of("L64X128MixRandom"));
  }

  private List<EventId> appendEvents(int count) {
    List<EventId> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      EventEnvelope envelope =
          wiring.unitOfWork.execute(
              () ->
                  publisher
                      .publish(
                          RequestContext.system(), tenant, new NodeUnpublished(Unique.nodeId()))
                      .getFirst());
      ids.add(envelope.eventId());
    }
    return ids;
  }

  /**
   * A store whose first marking waits, up to five seconds, for the second claim, and which can fail
   * markings or the second claim on request.
   */
  private static final class GatedStore extends ForwardingOutboxStore {
    private final CountDownLatch secondClaim = new CountDownLatch(1);
    private final AtomicInteger claims = new AtomicInteger();
    private final AtomicInteger markings = new AtomicInteger();
    private final AtomicBoolean markingSawNextClaim = new AtomicBoolean();
    private final AtomicBoolean markingFinished = new AtomicBoolean();
    private volatile boolean failMarking;
    private volatile boolean failSecondClaim;

    GatedStore(OutboxStore delegate) {
      super(delegate);
    }

    @Override
    public List<ClaimedEvent> claim(int limit, Duration lease) {
      int claim = claims.incrementAndGet();
      if (claim == 2) {
        secondClaim.countDown();
        if (failSecondClaim) {
          throw new IllegalStateException("claim failed");
        }
      }
      return delegate.claim(limit, lease);
    }

    @Override
    public int markDispatched(List<ClaimedEvent> events) {
      if (failMarking) {
        throw new IllegalStateException("store went away");
      }
      try {
        boolean first = markings.incrementAndGet() == 1;
        if (first && secondClaim.await(5, TimeUnit.SECONDS)) {
          markingSawNextClaim.set(true);
        }
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      int marked = delegate.markDispatched(events);
      markingFinished.set(true);
      return marked;
    }
  }

  /**
   * A store whose first marking starts only after the second claim returned (up to five seconds),
   * one order the overlap allows, and which can fail that first marking.
   */
  private static final class MarkingAfterNextClaim extends ForwardingOutboxStore {
    private final CountDownLatch secondClaimReturned = new CountDownLatch(1);
    private final AtomicInteger claims = new AtomicInteger();
    private final AtomicInteger markings = new AtomicInteger();
    private final AtomicInteger markingWaitedForNextClaim = new AtomicInteger();
    private volatile boolean failFirstMarking;

    MarkingAfterNextClaim(OutboxStore delegate) {
      super(delegate);
    }

    @Override
    public List<ClaimedEvent> claim(int limit, Duration lease) {
      List<ClaimedEvent> claimed = delegate.claim(limit, lease);
      if (claims.incrementAndGet() == 2) {
        secondClaimReturned.countDown();
      }
      return claimed;
    }

    @Override
    public int markDispatched(List<ClaimedEvent> events) {
      if (markings.incrementAndGet() == 1) {
        try {
          if (secondClaimReturned.await(5, TimeUnit.SECONDS)) {
            markingWaitedForNextClaim.incrementAndGet();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        if (failFirstMarking) {
          throw new IllegalStateException("marking failed");
        }
      }
      return delegate.markDispatched(events);
    }
  }

  /** A store whose even-numbered claims fail until {@code failures} of them have failed. */
  private static final class FailingEveryOtherClaim extends ForwardingOutboxStore {
    private final AtomicInteger claims = new AtomicInteger();
    private final AtomicInteger failedClaims = new AtomicInteger();
    private final int failures;

    FailingEveryOtherClaim(OutboxStore delegate, int failures) {
      super(delegate);
      this.failures = failures;
    }

    @Override
    public List<ClaimedEvent> claim(int limit, Duration lease) {
      if (claims.incrementAndGet() % 2 == 0 && failedClaims.get() < failures) {
        failedClaims.incrementAndGet();
        throw new IllegalStateException("claim failed");
      }
      return delegate.claim(limit, lease);
    }
  }

  /**
   * A store whose every claim ends after its lease, as a claim statement that runs longer than the
   * lease does on PostgreSQL, where the lease counts from the statement's start. When {@code
   * markingWaitsForNextClaim} is set, each marking starts only after the next claim returned (up to
   * one second), the order in which that claim wins the race for the marking's rows.
   */
  private static final class ClaimOutlastingLease extends ForwardingOutboxStore {
    private final MutableClock clock;
    private final boolean markingWaitsForNextClaim;
    private final Object lock = new Object();
    private int claims;
    private int markings;

    ClaimOutlastingLease(
        OutboxStore delegate, MutableClock clock, boolean markingWaitsForNextClaim) {
      super(delegate);
      this.clock = clock;
      this.markingWaitsForNextClaim = markingWaitsForNextClaim;
    }

    @Override
    public List<ClaimedEvent> claim(int limit, Duration lease) {
      List<ClaimedEvent> claimed = delegate.claim(limit, lease);
      clock.advance(lease.plusMillis(1));
      synchronized (lock) {
        claims++;
        lock.notifyAll();
      }
      return claimed;
    }

    @Override
    public int markDispatched(List<ClaimedEvent> events) {
      if (markingWaitsForNextClaim) {
        awaitClaimAfterMarking();
      }
      return delegate.markDispatched(events);
    }

    private void awaitClaimAfterMarking() {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      synchronized (lock) {
        int marking = ++markings;
        try {
          long remaining = deadline - System.nanoTime();
          while (claims <= marking && remaining > 0) {
            TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            remaining = deadline - System.nanoTime();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** A store whose every marking fails, as when the database rejects the update. */
  private static final class FailingEveryMarking extends ForwardingOutboxStore {
    private final AtomicInteger failedMarkings = new AtomicInteger();

    FailingEveryMarking(OutboxStore delegate) {
      super(delegate);
    }

    @Override
    public int markDispatched(List<ClaimedEvent> events) {
      failedMarkings.incrementAndGet();
      throw new IllegalStateException("marking failed");
    }
  }
}
