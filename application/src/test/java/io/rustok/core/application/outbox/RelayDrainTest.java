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
import io.rustok.core.domain.outbox.OutboxEntry;
import io.rustok.core.domain.outbox.OutboxStats;
import io.rustok.core.domain.outbox.OutboxStatus;
import io.rustok.core.domain.outbox.OutboxStore;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.testing.RecordingEventTransport;
import io.rustok.core.testing.Unique;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RelayDrainTest {
  private static final RelaySettings BATCHES_OF_TEN =
      new RelaySettings(
          10,
          5,
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          Duration.ofSeconds(30),
          Duration.ofMillis(100));

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
  void drainDeliversEveryBatchInOrderAndSumsPasses() {
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

  private RelayOutbox relay(OutboxStore store) {
    return new RelayOutbox(
        store, transport, BATCHES_OF_TEN, RandomGenerator.of("L64X128MixRandom"));
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
  private static final class GatedStore implements OutboxStore {
    private final OutboxStore delegate;
    private final CountDownLatch secondClaim = new CountDownLatch(1);
    private final AtomicInteger claims = new AtomicInteger();
    private final AtomicInteger markings = new AtomicInteger();
    private final AtomicBoolean markingSawNextClaim = new AtomicBoolean();
    private final AtomicBoolean markingFinished = new AtomicBoolean();
    private volatile boolean failMarking;
    private volatile boolean failSecondClaim;

    GatedStore(OutboxStore delegate) {
      this.delegate = delegate;
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

    @Override
    public boolean retryLater(ClaimedEvent event, Duration delay, String error) {
      return delegate.retryLater(event, delay, error);
    }

    @Override
    public boolean markFailed(ClaimedEvent event, String error) {
      return delegate.markFailed(event, error);
    }

    @Override
    public int release(List<ClaimedEvent> events) {
      return delegate.release(events);
    }

    @Override
    public boolean replay(EventId id) {
      return delegate.replay(id);
    }

    @Override
    public Optional<OutboxEntry> find(EventId id) {
      return delegate.find(id);
    }

    @Override
    public Optional<EventEnvelope> findEnvelope(EventId id) {
      return delegate.findEnvelope(id);
    }

    @Override
    public List<OutboxEntry> list(OutboxStatus status, int limit) {
      return delegate.list(status, limit);
    }

    @Override
    public OutboxStats stats() {
      return delegate.stats();
    }
  }
}
