package io.rustok.core.benchmarks;

import java.time.Duration;

/** How many operations completed in a measured time. */
record Rate(long operations, Duration elapsed) {
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

  /** Returns the mean time of one operation in microseconds, for one thread doing them in turn. */
  double microsEach() {
    return elapsed.toNanos() / 1e3 / operations;
  }
}
