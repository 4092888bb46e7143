package io.rustok.core.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs a {@link NodeCreation} on a number of client threads, each creating nodes one after another
 * with no pause, first untimed for a warm-up and then for a timed window.
 *
 * <p>A creation counts when it commits inside the window. Creations in flight when the window opens
 * or closes are not counted, which understates the rate by at most one creation per client. A
 * client's CPU time is taken from its first counted creation to its last creation, so it leaves out
 * about one creation per client too.
 */
final class ConcurrentRun {
  private enum Phase {
    WARM_UP,
    MEASURE,
    STOP
  }

  private volatile Phase phase = Phase.WARM_UP;
  private final LongAdder completed = new LongAdder();
  private final LongAdder cpuNanos = new LongAdder();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private ConcurrentRun() {}

  /**
   * Returns the rate of creations in the timed window.
   *
   * @throws IllegalStateException if any creation failed; every client stops at the first failure
   */
  static Rate measure(NodeCreation creation, int clients, Duration warmUp, Duration measurement)
      throws InterruptedException {
    return new ConcurrentRun().run(creation, clients, warmUp, measurement);
  }

  private Rate run(NodeCreation creation, int clients, Duration warmUp, Duration measurement)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>(clients);
    for (int client = 0; client < clients; client++) {
      int index = client;
      threads.add(Thread.ofPlatform().name("client-" + index).start(() -> loop(creation, index)));
    }

    // The coordinator only sleeps to time the phases. Clients read the phase without blocking.
    Thread.sleep(warmUp);
    completed.reset();
    phase = Phase.MEASURE;
    long start = System.nanoTime();
    Thread.sleep(measurement);
    phase = Phase.STOP;
    long end = System.nanoTime();
    long operations = completed.sum();
    for (Thread thread : threads) {
      thread.join();
    }

    Throwable error = failure.get();
    if (error != null) {
      throw new IllegalStateException("A client failed to create a node: " + error, error);
    }
    return new Rate(operations, Duration.ofNanos(end - start), Duration.ofNanos(cpuNanos.sum()));
  }

  private void loop(NodeCreation creation, int client) {
    long sequence = 0;
    long cpuAtStart = -1;
    while (phase != Phase.STOP && failure.get() == null) {
      try {
        creation.create(client, sequence++);
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
        phase = Phase.STOP;
        return;
      }
      if (phase == Phase.MEASURE) {
        completed.increment();
        if (cpuAtStart < 0) {
          cpuAtStart = Rate.threadCpuNanos();
        }
      }
    }
    if (cpuAtStart >= 0) {
      cpuNanos.add(Rate.threadCpuNanos() - cpuAtStart);
    }
  }
}
