package io.rustok.core.domain.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * UUID version 7 generator (RFC 9562): a 48-bit Unix millisecond timestamp followed by random bits,
 * so identifiers sort by creation time.
 *
 * <p>Within one millisecond the 12-bit {@code rand_a} field is used as a counter seeded at a random
 * value below 2048 (RFC 9562, section 6.2, method 1), so ids from one generator are strictly
 * increasing. When the counter runs out, or the clock steps back, the generator keeps using the
 * last timestamp it issued, which keeps the order and never blocks.
 */
public final class UuidV7 implements IdSource {
  private static final int COUNTER_MAX = 0xFFF;

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final ReentrantLock lock = new ReentrantLock();
  private long lastMillis = -1;
  private int counter;

  public UuidV7(Clock clock) {
    this.clock = Require.notNull(clock, "clock");
  }

  public UuidV7() {
    this(Clock.systemUTC());
  }

  @Override
  public UUID newId() {
    long millis;
    int sequence;
    lock.lock();
    try {
      millis = Math.max(clock.millis(), lastMillis);
      if (millis == lastMillis) {
        if (counter == COUNTER_MAX) {
          millis = lastMillis + 1;
          counter = random.nextInt(2048);
        } else {
          counter++;
        }
      } else {
        counter = random.nextInt(2048);
      }
      lastMillis = millis;
      sequence = counter;
    } finally {
      lock.unlock();
    }
    long high = (millis << 16) | 0x7000L | sequence;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }

  /** Returns the Unix millisecond timestamp embedded in a version 7 UUID. */
  public static long timestampMillis(UUID id) {
    Require.that(id.version() == 7, "id", "is not a version 7 UUID: " + id);
    return id.getMostSignificantBits() >>> 16;
  }
}
