package io.rustok.core.benchmarks;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A single-thread executor that reports the CPU time its thread has used, so that a drain which
 * hands part of its work to a second thread can count that thread's CPU time too.
 *
 * <p>The thread reads its own CPU time in a small task, once when the executor starts and again on
 * each {@link #cpuNanosSinceStart} call. A reading waits for the tasks submitted before it, and the
 * reading task's own CPU time is counted too.
 */
final class CpuTimedExecutor implements Executor, AutoCloseable {
  private final ExecutorService executor;
  private final long cpuAtStart;

  private CpuTimedExecutor(ExecutorService executor) throws InterruptedException {
    this.executor = executor;
    this.cpuAtStart = threadCpuNanos();
  }

  /** Starts the executor's thread, named {@code threadName}, and reads its CPU time. */
  static CpuTimedExecutor start(String threadName) throws InterruptedException {
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name(threadName).daemon(true).factory());
    try {
      return new CpuTimedExecutor(executor);
    } catch (InterruptedException | RuntimeException e) {
      executor.shutdownNow();
      throw e;
    }
  }

  @Override
  public void execute(Runnable task) {
    executor.execute(task);
  }

  /** Returns the CPU time the executor's thread has used since {@link #start}, in nanoseconds. */
  long cpuNanosSinceStart() throws InterruptedException {
    return threadCpuNanos() - cpuAtStart;
  }

  private long threadCpuNanos() throws InterruptedException {
    try {
      return executor.submit(Rate::threadCpuNanos).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Reading the CPU time of an executor thread failed", e);
    }
  }

  /** Shuts the executor down and waits for the tasks already submitted. */
  @Override
  public void close() {
    executor.close();
  }
}
