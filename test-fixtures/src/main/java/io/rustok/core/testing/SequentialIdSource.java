package io.rustok.core.testing;

import io.rustok.core.domain.shared.IdSource;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Predictable {@link IdSource} whose ids are valid UUID version 7 values (RFC 9562) that sort in
 * the order they were made. The n-th id (counting from 1) has the timestamp {@code firstMillis + n
 * - 1}, a zero {@code rand_a} field and {@code n} in the low bits, so with the default start the
 * first two ids are {@code 01941f29-7c00-7000-8000-000000000001} and {@code
 * 01941f29-7c01-7000-8000-000000000002}.
 *
 * <p>Note that every instance starts again from the same ids, so two instances in one store
 * collide. Use one instance per store, or {@link Unique} when ids only need to be distinct.
 */
public final class SequentialIdSource implements IdSource {
  private static final long MAX_MILLIS = (1L << 48) - 1;
  private static final long VERSION_7 = 0x7000L;
  private static final long VARIANT_RFC_9562 = 0x8000_0000_0000_0000L;

  private final long firstMillis;
  private final AtomicLong issued = new AtomicLong();

  private SequentialIdSource(long firstMillis) {
    if (firstMillis < 0 || firstMillis > MAX_MILLIS) {
      throw new IllegalArgumentException(
          "first timestamp must fit in 48 bits of Unix milliseconds, but is " + firstMillis);
    }
    this.firstMillis = firstMillis;
  }

  /** Returns a source whose first id carries {@link MutableClock#DEFAULT_START}. */
  public static SequentialIdSource create() {
    return startingAt(MutableClock.DEFAULT_START);
  }

  public static SequentialIdSource startingAt(Instant first) {
    return startingAtMillis(first.toEpochMilli());
  }

  /**
   * Returns a source whose first id carries the given Unix millisecond timestamp. Timestamps of
   * {@code 0x800000000000} and more set the top bit, which distinguishes unsigned from signed UUID
   * order.
   */
  public static SequentialIdSource startingAtMillis(long firstMillis) {
    return new SequentialIdSource(firstMillis);
  }

  @Override
  public UUID newId() {
    long number = issued.incrementAndGet();
    long millis = firstMillis + number - 1;
    if (millis > MAX_MILLIS) {
      throw new IllegalStateException("no more ids: the 48-bit timestamp would overflow");
    }
    return new UUID((millis << 16) | VERSION_7, VARIANT_RFC_9562 | number);
  }

  /** Returns how many ids this source has made. */
  public long issuedCount() {
    return issued.get();
  }
}
