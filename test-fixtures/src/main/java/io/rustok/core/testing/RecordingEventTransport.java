package io.rustok.core.testing;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.outbox.DeliveryReport;
import io.rustok.core.domain.outbox.EventTransport;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Transport that records what it delivers, for tests of the relay and of whole use cases.
 *
 * <p>It records every batch it receives ({@link #calls}) and, separately, every envelope it
 * delivered ({@link #delivered}). Tests wait for deliveries with {@link #awaitCount} or {@link
 * #awaitCalls}, which block on a condition until the count is reached or the timeout passes, so no
 * test needs to sleep.
 *
 * <p>Failures can be switched on to drive retry and dead-letter paths: {@link #failWhen} and {@link
 * #failAll} report matching events as failed in the {@link DeliveryReport} until {@link #recover},
 * {@link #failNextCalls} does so for every event of the next calls, and {@link #throwOnNextCalls}
 * makes the next calls throw {@link DeliveryFailure}, which fails the whole batch. {@link #pause}
 * blocks deliveries until {@link #resume}, to catch a relay in the middle of a batch. All methods
 * are thread-safe.
 */
public final class RecordingEventTransport implements EventTransport {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<List<EventEnvelope>> calls = new ArrayList<>();
  private final List<EventEnvelope> delivered = new ArrayList<>();
  private Predicate<EventEnvelope> failing = envelope -> false;
  private String failingError = "";
  private int failingCalls;
  private String failingCallsError = "";
  private int throwingCalls;
  private String throwingError = "";
  private boolean paused;

  /** Exception that {@link #throwOnNextCalls} makes {@link #deliver} throw. */
  public static final class DeliveryFailure extends RuntimeException {
    public DeliveryFailure(String message) {
      super(message);
    }
  }

  @Override
  public DeliveryReport deliver(List<EventEnvelope> batch) {
    List<EventEnvelope> copy = List.copyOf(batch);
    lock.lock();
    try {
      calls.add(copy);
      changed.signalAll();
      while (paused) {
        changed.awaitUninterruptibly();
      }
      if (throwingCalls > 0) {
        throwingCalls--;
        throw new DeliveryFailure(throwingError);
      }
      Map<EventId, String> failures = new LinkedHashMap<>();
      boolean failWholeCall = failingCalls > 0;
      if (failWholeCall) {
        failingCalls--;
      }
      for (EventEnvelope envelope : copy) {
        if (failWholeCall) {
          failures.put(envelope.eventId(), failingCallsError);
        } else if (failing.test(envelope)) {
          failures.put(envelope.eventId(), failingError);
        } else {
          delivered.add(envelope);
        }
      }
      changed.signalAll();
      return new DeliveryReport(failures);
    } finally {
      lock.unlock();
    }
  }

  /** Reports every event that matches as failed with {@code error}, until {@link #recover}. */
  public void failWhen(Predicate<EventEnvelope> matching, String error) {
    Objects.requireNonNull(matching, "matching");
    Objects.requireNonNull(error, "error");
    lock.lock();
    try {
      failing = matching;
      failingError = error;
    } finally {
      lock.unlock();
    }
  }

  /** Reports every event as failed with {@code error}, until {@link #recover}. */
  public void failAll(String error) {
    failWhen(envelope -> true, error);
  }

  /** Reports every event of the next {@code count} calls as failed with {@code error}. */
  public void failNextCalls(int count, String error) {
    requireNotNegative(count);
    Objects.requireNonNull(error, "error");
    lock.lock();
    try {
      failingCalls = count;
      failingCallsError = error;
    } finally {
      lock.unlock();
    }
  }

  /** Makes the next {@code count} calls throw {@link DeliveryFailure} with {@code error}. */
  public void throwOnNextCalls(int count, String error) {
    requireNotNegative(count);
    Objects.requireNonNull(error, "error");
    lock.lock();
    try {
      throwingCalls = count;
      throwingError = error;
    } finally {
      lock.unlock();
    }
  }

  /** Switches every failure off, so later calls deliver everything. */
  public void recover() {
    lock.lock();
    try {
      failing = envelope -> false;
      failingCalls = 0;
      throwingCalls = 0;
    } finally {
      lock.unlock();
    }
  }

  /** Makes later calls wait, after they are recorded in {@link #calls}, until {@link #resume}. */
  public void pause() {
    lock.lock();
    try {
      paused = true;
    } finally {
      lock.unlock();
    }
  }

  public void resume() {
    lock.lock();
    try {
      paused = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Forgets every call and delivery; failure settings stay. */
  public void clear() {
    lock.lock();
    try {
      calls.clear();
      delivered.clear();
    } finally {
      lock.unlock();
    }
  }

  /** Returns the envelopes delivered so far, in delivery order. */
  public List<EventEnvelope> delivered() {
    lock.lock();
    try {
      return List.copyOf(delivered);
    } finally {
      lock.unlock();
    }
  }

  public List<EventId> deliveredIds() {
    return delivered().stream().map(EventEnvelope::eventId).toList();
  }

  public List<EventEnvelope> deliveredOfType(String eventType) {
    return deliveredWhere(envelope -> envelope.eventType().equals(eventType));
  }

  public List<EventEnvelope> deliveredForTenant(TenantId tenantId) {
    return deliveredWhere(envelope -> envelope.tenantId().equals(tenantId));
  }

  public List<EventEnvelope> deliveredForAggregate(UUID aggregateId) {
    return deliveredWhere(envelope -> envelope.aggregateId().equals(aggregateId));
  }

  public List<EventEnvelope> deliveredWhere(Predicate<EventEnvelope> filter) {
    return delivered().stream().filter(filter).toList();
  }

  /** Returns every batch received so far, failed and paused ones included, in arrival order. */
  public List<List<EventEnvelope>> calls() {
    lock.lock();
    try {
      return List.copyOf(calls);
    } finally {
      lock.unlock();
    }
  }

  public int callCount() {
    lock.lock();
    try {
      return calls.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until at least {@code count} envelopes were delivered.
   *
   * @return every envelope delivered by then, in delivery order
   * @throws AssertionError if fewer arrived within {@code timeout}, or the thread was interrupted
   */
  public List<EventEnvelope> awaitCount(int count, Duration timeout) {
    lock.lock();
    try {
      awaitUntil(() -> delivered.size() >= count, timeout, count + " delivered envelopes");
      return List.copyOf(delivered);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until at least {@code count} calls were received, whatever their outcome.
   *
   * @return every batch received by then
   * @throws AssertionError if fewer arrived within {@code timeout}, or the thread was interrupted
   */
  public List<List<EventEnvelope>> awaitCalls(int count, Duration timeout) {
    lock.lock();
    try {
      awaitUntil(() -> calls.size() >= count, timeout, count + " delivery calls");
      return List.copyOf(calls);
    } finally {
      lock.unlock();
    }
  }

  /** Waits on {@link #changed} until the condition holds; the caller holds {@link #lock}. */
  private void awaitUntil(BooleanSupplier done, Duration timeout, String expected) {
    long remaining = timeout.toNanos();
    try {
      while (!done.getAsBoolean()) {
        if (remaining <= 0) {
          throw new AssertionError(
              "timed out after "
                  + timeout
                  + " waiting for "
                  + expected
                  + "; got "
                  + delivered.size()
                  + " envelopes in "
                  + calls.size()
                  + " calls");
        }
        remaining = changed.awaitNanos(remaining);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + expected, e);
    }
  }

  private static void requireNotNegative(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, but is " + count);
    }
  }
}
