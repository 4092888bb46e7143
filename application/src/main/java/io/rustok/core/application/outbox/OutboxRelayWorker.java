package io.rustok.core.application.outbox;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link RelayOutbox} on its own thread until stopped.
 *
 * <p>The worker drains batch after batch while there is work, with {@link RelayOutbox#drain}: a
 * second thread of the worker marks each batch dispatched while the next one is claimed and
 * delivered. When a pass finds nothing it waits for {@code idlePoll}, or less if {@link #wakeUp} is
 * called, which the service does after every commit that appended events, so an event usually
 * leaves within milliseconds without the relay polling the store hard. Other instances sharing the
 * store are found by the poll.
 *
 * <p>{@link #stop} lets the pass in progress finish, so a batch is never abandoned mid-way by a
 * clean shutdown; an unclean one is covered by the claim lease.
 */
public final class OutboxRelayWorker {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelayWorker.class);
  private static final Duration MAX_ERROR_PAUSE = Duration.ofSeconds(30);

  private final RelayOutbox relay;
  private final Duration idlePoll;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signal = lock.newCondition();
  private boolean wakeRequested;
  private volatile boolean running;
  private Thread thread;
  private ExecutorService marker;

  public OutboxRelayWorker(RelayOutbox relay, Duration idlePoll) {
    this.relay = relay;
    this.idlePoll = idlePoll;
  }

  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("relay worker already started");
    }
    running = true;
    marker =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("outbox-relay-marker").daemon(true).factory());
    thread = Thread.ofPlatform().name("outbox-relay").daemon(false).start(this::loop);
    log.info("Outbox relay started idlePollMillis={}", idlePoll.toMillis());
  }

  /** Asks the worker to look for due events now instead of at its next poll. */
  public void wakeUp() {
    lock.lock();
    try {
      wakeRequested = true;
      signal.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the worker after the pass in progress and waits for it.
   *
   * @return false if the worker was still running when {@code timeout} passed
   */
  public synchronized boolean stop(Duration timeout) {
    if (thread == null) {
      return true;
    }
    running = false;
    wakeUp();
    try {
      boolean stopped = thread.join(timeout);
      if (stopped) {
        marker.shutdown();
      }
      log.info("Outbox relay stopped clean={}", stopped);
      return stopped;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void loop() {
    int consecutiveErrors = 0;
    while (running) {
      Duration pause;
      long completedBefore = relay.completedPasses();
      try {
        relay.drain(marker, () -> running);
        consecutiveErrors = 0;
        pause = idlePoll;
      } catch (RuntimeException e) {
        // A drain that completed a pass before it failed made progress, so this failure starts
        // a new series instead of extending one.
        boolean progressed = relay.completedPasses() > completedBefore;
        consecutiveErrors = progressed ? 1 : consecutiveErrors + 1;
        pause = errorPause(consecutiveErrors);
        log.warn(
            "Relay pass failed, retrying in {} ms consecutiveErrors={}",
            pause.toMillis(),
            consecutiveErrors,
            e);
      }
      if (!pause.isZero()) {
        await(pause);
      }
    }
  }

  private Duration errorPause(int consecutiveErrors) {
    long millis = idlePoll.toMillis() << Math.min(consecutiveErrors - 1, 10);
    return Duration.ofMillis(Math.min(millis, MAX_ERROR_PAUSE.toMillis()));
  }

  private void await(Duration pause) {
    lock.lock();
    try {
      long nanos = pause.toNanos();
      while (!wakeRequested && running && nanos > 0) {
        nanos = signal.awaitNanos(nanos);
      }
      wakeRequested = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  /** Returns whether the worker thread is alive. */
  public boolean isRunning() {
    Thread current = thread;
    return current != null && current.isAlive();
  }
}
