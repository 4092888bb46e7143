package io.rustok.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Clock that does not move until a test moves it. Safe to read and move from several threads;
 * clocks made by {@link #withZone} share the same time.
 */
public final class MutableClock extends Clock {
  /** Start of a clock made without an instant: a whole second, so databases store it exactly. */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Returns a UTC clock at {@link #DEFAULT_START}. */
  public static MutableClock create() {
    return startingAt(DEFAULT_START);
  }

  public static MutableClock startingAt(Instant start) {
    Objects.requireNonNull(start, "start");
    return new MutableClock(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  /**
   * Moves the clock forward.
   *
   * @return the new instant
   * @throws IllegalArgumentException if {@code amount} is negative; use {@link #set} to go back
   */
  public Instant advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("cannot advance by a negative amount: " + amount);
    }
    return now.updateAndGet(instant -> instant.plus(amount));
  }

  /** Sets the clock to any instant, earlier ones included. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, Objects.requireNonNull(newZone, "newZone"));
  }

  @Override
  public String toString() {
    return "MutableClock[" + now.get() + ", " + zone + "]";
  }
}
