package io.rustok.core.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * How many operations completed in a measured time, and how much CPU time the threads that ran them
 * used meanwhile.
 *
 * <p>The CPU time counts only the benchmark's own client or drainer threads, and the threads that
 * mark batches for a drainer: not the JVM's garbage collector or compiler threads, and not
 * PostgreSQL. On a machine shared with other work it moves far less than the rate does, so it shows
 * what an operation costs the client even when the rate is disturbed.
 */
record Rate(long operations, Duration elapsed, Duration clientCpu) {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  Rate {
    if (operations < 0) {
      throw new IllegalArgumentException("operations must not be negative, but is " + operations);
    }
    if (elapsed.isNegative() || elapsed.isZero()) {
      throw new IllegalArgumentException("elapsed must be positive, but is " + elapsed);
    }
  }

  double perSecond() {
    return operations / (elapsed.toNanos() / 1e9);
  }

  /** Returns the client CPU time of one operation in microseconds. */
  double cpuMicrosEach() {
    return clientCpu.toNanos() / 1e3 / operations;
  }

  /** Returns the CPU time the calling thread has used so far, in nanoseconds. */
  static long threadCpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }
}
