package io.rustok.core.application.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": the nominal delay after failed attempt {@code n} is
 * {@code base * 2^(n-1)}, capped; the actual delay is a random point in the upper half of it.
 *
 * <p>The jitter keeps relays that failed together from retrying together, and because each nominal
 * delay is twice the last, every delay is at least as long as any earlier one until the cap is
 * reached.
 */
public record Backoff(Duration base, Duration cap) {
  /** Returns the delay to wait after the given number of failed attempts (1 or more). */
  public Duration delayAfter(int failedAttempts, RandomGenerator random) {
    Duration nominal = nominalAfter(failedAttempts);
    long half = nominal.toMillis() / 2;
    return Duration.ofMillis(half + random.nextLong(nominal.toMillis() - half + 1));
  }

  /** Returns the delay before jitter: {@code base * 2^(failedAttempts-1)}, at most the cap. */
  public Duration nominalAfter(int failedAttempts) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("failedAttempts must be at least 1");
    }
    int doublings = Math.min(failedAttempts - 1, 40);
    long millis = base.toMillis();
    for (int i = 0; i < doublings && millis < cap.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, cap.toMillis()));
  }
}
