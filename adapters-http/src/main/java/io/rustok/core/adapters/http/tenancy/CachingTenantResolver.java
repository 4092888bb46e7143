package io.rustok.core.adapters.http.tenancy;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.rustok.core.application.tenancy.TenantChangeListener;
import io.rustok.core.application.tenancy.TenantReference;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.Tenant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves tenant references through a Caffeine cache that stores found tenants, remembers unknown
 * references for a shorter time, and lets concurrent misses for one reference share one load.
 *
 * <h2>Design note</h2>
 *
 * <p><b>One load per key.</b> The cache is an {@link AsyncCache} whose values are futures. {@link
 * AsyncCache#get(Object, java.util.function.BiFunction)} inserts a future for a missing key
 * atomically and hands that same future to every caller that asks while it is in the map, so a
 * stampede of requests for one uncached tenant becomes one call of the loader. The caller whose
 * mapping function ran is the leader. Every other caller that finds the future unfinished has
 * joined someone else's load, so it is counted as coalesced.
 *
 * <p><b>Misses are cached too.</b> A load that finds nothing stores {@code Optional.empty()}, which
 * expires after {@link TenantCacheSettings#negativeTtl()} instead of {@link
 * TenantCacheSettings#ttl()}: the expiry varies by value. So a flood of requests for a tenant that
 * does not exist reaches the database once per negative lifetime, not once per request.
 *
 * <p><b>Failures are shared and forgotten.</b> A loader that throws completes the shared future
 * exceptionally, so every caller waiting on it receives the failure, and none of them retries on
 * its own. Caffeine removes a failed future from the map, so nothing is cached and the next request
 * loads again.
 *
 * <p><b>Giving up is private.</b> Each caller waits on the shared future with its own timeout;
 * neither a timeout nor an interrupt touches the future, and {@link #findAsync} hands out a copy,
 * so cancelling it cancels nothing else. The load runs on its own executor and finishes for the
 * callers that are still waiting.
 *
 * <p><b>A load never outlives an invalidation.</b> {@link #invalidate} removes the key's entry
 * whether its future has finished or is still in flight. When a load finishes, Caffeine keeps the
 * entry only if the map still holds that very future ({@code replace(key, future, future)} in
 * Caffeine 3's {@code LocalAsyncCache.handleCompletion}); otherwise the result is dropped. So a
 * load that started before an invalidation cannot put its possibly stale tenant back, and the next
 * request after the invalidation loads again. Note that callers who joined that load before the
 * invalidation still receive its result; they asked before the change was announced.
 *
 * <p>Metrics, all without a tenant id or host name as a tag: {@code rustok_tenant_cache_hits},
 * {@code _negative_hits}, {@code _misses} (callers that found no finished entry: leaders and
 * joiners), {@code _loads{outcome}}, {@code _coalesced} (joiners only), {@code _evictions} (size
 * and expiry), {@code _invalidations{scope}} and the gauge {@code _entries}.
 */
public final class CachingTenantResolver implements TenantChangeListener {
  private static final Logger log = LoggerFactory.getLogger(CachingTenantResolver.class);
  private static final int STALE_FAILURE_RETRIES = 3;

  private final Function<TenantReference, Optional<Tenant>> loader;
  private final TenantCacheSettings settings;
  private final Executor loadExecutor;
  private final AsyncCache<TenantReference, Optional<Tenant>> cache;

  private final LongAdder hits = new LongAdder();
  private final LongAdder negativeHits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder coalesced = new LongAdder();
  private final LongAdder loadsFound = new LongAdder();
  private final LongAdder loadsNotFound = new LongAdder();
  private final LongAdder loadsFailed = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder keyInvalidations = new LongAdder();
  private final LongAdder fullInvalidations = new LongAdder();

  /**
   * Creates a resolver whose loads run on virtual threads and whose cache maintenance runs on the
   * common fork-join pool, with the system ticker.
   *
   * @param loader the uncached lookup, such as {@code resolveTenant::find}; it may block
   */
  public CachingTenantResolver(
      Function<TenantReference, Optional<Tenant>> loader,
      TenantCacheSettings settings,
      MeterRegistry registry) {
    this(
        loader,
        settings,
        registry,
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tenant-load-", 0).factory()),
        ForkJoinPool.commonPool(),
        Ticker.systemTicker());
  }

  /**
   * Creates a resolver with the given executors and ticker, for tests that control when loads run
   * and what time it is.
   *
   * @param loadExecutor runs each load, off the callers' threads
   * @param maintenanceExecutor runs Caffeine's maintenance and the removal listener
   */
  CachingTenantResolver(
      Function<TenantReference, Optional<Tenant>> loader,
      TenantCacheSettings settings,
      MeterRegistry registry,
      Executor loadExecutor,
      Executor maintenanceExecutor,
      Ticker ticker) {
    this.loader = Objects.requireNonNull(loader, "loader");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.loadExecutor = Objects.requireNonNull(loadExecutor, "loadExecutor");
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(settings.maxEntries())
            .expireAfter(
                Expiry.<TenantReference, Optional<Tenant>>creating(
                    (reference, tenant) ->
                        tenant.isPresent() ? settings.ttl() : settings.negativeTtl()))
            .executor(maintenanceExecutor)
            .ticker(ticker)
            .<TenantReference, Optional<Tenant>>removalListener(
                (reference, tenant, cause) -> countRemoval(cause))
            .buildAsync();
    registerMeters(Objects.requireNonNull(registry, "registry"));
  }

  /**
   * Returns the tenant that {@code reference} names, or empty if there is none, from the cache when
   * it holds a finished entry and otherwise from a load shared with concurrent callers.
   *
   * @throws TenantLookupException if the load failed, or did not finish within the lookup timeout,
   *     or this thread was interrupted while waiting
   */
  public Optional<Tenant> find(TenantReference reference) {
    CompletableFuture<Optional<Tenant>> shared = lookup(reference);
    try {
      return shared.get(settings.lookupTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new TenantLookupException(
          TenantLookupException.Reason.FAILED,
          "Loading the tenant by " + kind(reference) + " failed",
          e.getCause());
    } catch (TimeoutException e) {
      throw new TenantLookupException(
          TenantLookupException.Reason.TIMED_OUT,
          "Loading the tenant by "
              + kind(reference)
              + " did not finish within "
              + settings.lookupTimeout().toMillis()
              + " ms",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TenantLookupException(
          TenantLookupException.Reason.INTERRUPTED,
          "Interrupted while waiting for the tenant by " + kind(reference),
          e);
    }
  }

  /**
   * Returns a future of what {@link #find} returns, without waiting. The future is this caller's
   * own copy: cancelling or completing it leaves the shared load and its other callers alone. A
   * failed load completes it exceptionally with the loader's exception.
   */
  public CompletableFuture<Optional<Tenant>> findAsync(TenantReference reference) {
    return lookup(reference).copy();
  }

  /** Drops the cached entries, finished or in flight, of these references. */
  public void invalidate(Collection<? extends TenantReference> references) {
    cache.synchronous().invalidateAll(references);
    keyInvalidations.add(references.size());
  }

  /** Drops every entry, as after missed change notifications. */
  public void invalidateAll() {
    cache.synchronous().invalidateAll();
    fullInvalidations.increment();
    log.info("Dropped every cached tenant lookup");
  }

  /** Drops the entries of the tenant's id, slug and host names as they were and as they are. */
  @Override
  public void tenantChanged(Tenant before, Tenant after) {
    invalidate(referencesOf(List.of(before, after)));
  }

  /** Drops the entries of the new tenant's id, slug and host names, which may be cached misses. */
  @Override
  public void tenantCreated(Tenant tenant) {
    invalidate(referencesOf(List.of(tenant)));
  }

  /** Returns every reference that names one of these tenants: id, slug and each host name. */
  public static Set<TenantReference> referencesOf(Collection<Tenant> tenants) {
    Set<TenantReference> references = new LinkedHashSet<>();
    for (Tenant tenant : tenants) {
      references.add(new TenantReference.ById(tenant.id()));
      references.add(new TenantReference.BySlug(tenant.slug()));
      for (HostName host : tenant.hosts()) {
        references.add(new TenantReference.ByHost(host));
      }
    }
    return references;
  }

  /** Returns an estimate of the number of entries in the cache now, found and unknown. */
  public long estimatedSize() {
    return cache.synchronous().estimatedSize();
  }

  private CompletableFuture<Optional<Tenant>> lookup(TenantReference reference) {
    Objects.requireNonNull(reference, "reference");
    CompletableFuture<Optional<Tenant>> cached = cache.getIfPresent(reference);
    if (cached != null && countIfFinished(cached)) {
      return cached;
    }

    boolean[] leader = {false};
    CompletableFuture<Optional<Tenant>> shared = getOrStartLoad(reference, leader);
    // Caffeine removes a failed load right after the failure, and a caller can arrive in between.
    // Such a caller never waited on that load, so it starts a new one instead of reporting an old
    // failure, a bounded number of times in case loads keep failing under it.
    for (int retry = 0;
        retry < STALE_FAILURE_RETRIES && !leader[0] && shared.isCompletedExceptionally();
        retry++) {
      cache.asMap().remove(reference, shared);
      shared = getOrStartLoad(reference, leader);
    }
    if (leader[0]) {
      misses.increment();
    } else if (!countIfFinished(shared)) {
      misses.increment();
      coalesced.increment();
    }
    return shared;
  }

  /** Returns the entry's future, starting a load and setting {@code leader[0]} if it had none. */
  private CompletableFuture<Optional<Tenant>> getOrStartLoad(
      TenantReference reference, boolean[] leader) {
    return cache.get(
        reference,
        (key, cacheExecutor) -> {
          leader[0] = true;
          return load(key);
        });
  }

  /** Counts a hit if the entry has finished successfully, and returns whether it had. */
  private boolean countIfFinished(CompletableFuture<Optional<Tenant>> entry) {
    if (!entry.isDone() || entry.isCompletedExceptionally()) {
      return false;
    }
    if (entry.join().isPresent()) {
      hits.increment();
    } else {
      negativeHits.increment();
    }
    return true;
  }

  private CompletableFuture<Optional<Tenant>> load(TenantReference reference) {
    CompletableFuture<Optional<Tenant>> loading =
        CompletableFuture.supplyAsync(
            () -> Objects.requireNonNull(loader.apply(reference), "loader result"), loadExecutor);
    loading.whenComplete(
        (tenant, failure) -> {
          if (failure != null) {
            loadsFailed.increment();
            log.warn("Loading a tenant failed kind={}", kind(reference), failure);
          } else if (tenant.isPresent()) {
            loadsFound.increment();
          } else {
            loadsNotFound.increment();
          }
        });
    return loading;
  }

  private void countRemoval(RemovalCause cause) {
    if (cause.wasEvicted()) {
      evictions.increment();
    }
  }

  private static String kind(TenantReference reference) {
    return switch (reference) {
      case TenantReference.ById byId -> "id";
      case TenantReference.BySlug bySlug -> "slug";
      case TenantReference.ByHost byHost -> "host";
    };
  }

  private void registerMeters(MeterRegistry registry) {
    counter(registry, "rustok.tenant.cache.hits", "Lookups answered by a cached tenant", hits);
    counter(
        registry,
        "rustok.tenant.cache.negative.hits",
        "Lookups answered by a cached miss: a reference known to name no tenant",
        negativeHits);
    counter(
        registry,
        "rustok.tenant.cache.misses",
        "Lookups that found no finished entry: the leaders of loads and the callers that joined",
        misses);
    counter(
        registry,
        "rustok.tenant.cache.coalesced",
        "Lookups that joined a load another caller had started, instead of starting one",
        coalesced);
    loadCounter(registry, "found", loadsFound);
    loadCounter(registry, "not_found", loadsNotFound);
    loadCounter(registry, "error", loadsFailed);
    counter(
        registry,
        "rustok.tenant.cache.evictions",
        "Entries removed because they expired or the cache was full",
        evictions);
    FunctionCounter.builder("rustok.tenant.cache.invalidations", keyInvalidations, LongAdder::sum)
        .description("References dropped after a tenant change, or whole-cache drops")
        .tag("scope", "key")
        .register(registry);
    FunctionCounter.builder("rustok.tenant.cache.invalidations", fullInvalidations, LongAdder::sum)
        .description("References dropped after a tenant change, or whole-cache drops")
        .tag("scope", "all")
        .register(registry);
    Gauge.builder("rustok.tenant.cache.entries", this, CachingTenantResolver::estimatedSize)
        .description("Entries in the tenant cache, found and unknown, including loads in flight")
        .register(registry);
  }

  private static void counter(
      MeterRegistry registry, String name, String description, LongAdder count) {
    FunctionCounter.builder(name, count, LongAdder::sum)
        .description(description)
        .register(registry);
  }

  private static void loadCounter(MeterRegistry registry, String outcome, LongAdder count) {
    FunctionCounter.builder("rustok.tenant.cache.loads", count, LongAdder::sum)
        .description("Finished loads of tenants from storage, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }
}
