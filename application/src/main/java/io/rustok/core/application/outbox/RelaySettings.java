package io.rustok.core.application.outbox;

import java.time.Duration;

/**
 * Tuning of the outbox relay.
 *
 * @param batchSize events claimed and handed to the transport at once
 * @param maxAttempts delivery attempts before an event is parked as failed
 * @param backoffBase delay before the second attempt; each later delay doubles, up to the cap
 * @param backoffCap longest delay between two attempts
 * @param lease how long a claim holds its events before another relay may take them
 * @param idlePoll how long the relay waits after finding nothing due, unless woken earlier
 */
public record RelaySettings(
    int batchSize,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffCap,
    Duration lease,
    Duration idlePoll) {
  public static final RelaySettings DEFAULTS =
      new RelaySettings(
          100,
          10,
          Duration.ofSeconds(1),
          Duration.ofMinutes(5),
          Duration.ofSeconds(30),
          Duration.ofMillis(500));

  public RelaySettings {
    requirePositive(batchSize, "batchSize");
    requirePositive(maxAttempts, "maxAttempts");
    requirePositive(backoffBase, "backoffBase");
    requirePositive(backoffCap, "backoffCap");
    requirePositive(lease, "lease");
    requirePositive(idlePoll, "idlePoll");
    if (backoffCap.compareTo(backoffBase) < 0) {
      throw new IllegalArgumentException("backoffCap must not be shorter than backoffBase");
    }
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, not " + value);
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
    }
  }
}
