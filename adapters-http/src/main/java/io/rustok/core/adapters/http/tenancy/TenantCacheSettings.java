package io.rustok.core.adapters.http.tenancy;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link CachingTenantResolver}.
 *
 * @param ttl how long a found tenant stays cached after its load finished
 * @param negativeTtl how long a reference that named no tenant stays cached as unknown; shorter
 *     than {@code ttl}, because a tenant created on an instance that cannot notify this one stays
 *     hidden for that long
 * @param maxEntries size bound of the cache, found and unknown entries together. Caffeine evicts
 *     the entries least likely to be used again when the cache grows past it.
 * @param lookupTimeout how long one caller waits for a load before it gives up. Giving up ends only
 *     that caller's wait, and the load goes on for the others.
 */
public record TenantCacheSettings(
    Duration ttl, Duration negativeTtl, long maxEntries, Duration lookupTimeout) {
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
  public static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofSeconds(60);
  public static final long DEFAULT_MAX_ENTRIES = 10_000;
  public static final Duration DEFAULT_LOOKUP_TIMEOUT = Duration.ofSeconds(5);

  public TenantCacheSettings {
    requirePositive(ttl, "ttl");
    requirePositive(negativeTtl, "negativeTtl");
    requirePositive(lookupTimeout, "lookupTimeout");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, not " + maxEntries);
    }
  }

  /** Returns 5 minutes for found tenants, 60 seconds for unknown ones, 10,000 entries, 5 s. */
  public static TenantCacheSettings defaults() {
    return new TenantCacheSettings(
        DEFAULT_TTL, DEFAULT_NEGATIVE_TTL, DEFAULT_MAX_ENTRIES, DEFAULT_LOOKUP_TIMEOUT);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not " + duration);
    }
  }
}
