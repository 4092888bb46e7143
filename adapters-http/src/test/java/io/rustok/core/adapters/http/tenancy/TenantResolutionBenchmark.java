package io.rustok.core.adapters.http.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rustok.core.adapters.jooq.JooqTenantRepository;
import io.rustok.core.adapters.jooq.JooqUnitOfWork;
import io.rustok.core.application.tenancy.ResolveTenant;
import io.rustok.core.application.tenancy.TenantReference;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.testing.TenantBuilder;
import io.rustok.core.testing.postgres.StatementCounter;
import io.rustok.core.testing.postgres.TestDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures tenant resolution: warm lookups through {@link CachingTenantResolver#find} next to a
 * bare Caffeine {@code getIfPresent} of the same key in a cache built the same way, and the
 * database queries that concurrent cold requests for one tenant cause on a real PostgreSQL
 * database.
 *
 * <p>Not a test: it runs only when asked, with the command in {@code docs/performance.md}. The warm
 * figures are the median of several timed rounds per variant, the variants alternating so that
 * neither gets all the warm-up. The cold part needs {@code RUSTOK_TEST_DATABASE_URL}, like the
 * integration tests.
 */
public final class TenantResolutionBenchmark {
  private static final int WARM_ROUNDS = 7;
  private static final long ROUND_NANOS = 1_000_000_000L;
  private static final int COLD_REQUESTS = 1000;
  private static final int COLD_ROUNDS = 5;

  private TenantResolutionBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "Tenant resolution benchmark: %s %s, %d processors%n%n",
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    warm(1);
    warm(Runtime.getRuntime().availableProcessors());
    cold();
  }

  private static void warm(int threads) throws InterruptedException {
    Tenant tenant = TenantBuilder.aTenant().withSlug("acme").build();
    TenantReference key = new TenantReference.BySlug(tenant.slug());
    TenantCacheSettings settings = TenantCacheSettings.defaults();
    CachingTenantResolver resolver =
        new CachingTenantResolver(
            reference -> Optional.of(tenant), settings, new SimpleMeterRegistry());
    resolver.find(key);
    Cache<TenantReference, Optional<Tenant>> bare =
        Caffeine.newBuilder()
            .maximumSize(settings.maxEntries())
            .expireAfter(
                Expiry.<TenantReference, Optional<Tenant>>creating(
                    (reference, value) ->
                        value.isPresent() ? settings.ttl() : settings.negativeTtl()))
            .build();
    bare.put(key, Optional.of(tenant));

    double[] bareRates = new double[WARM_ROUNDS];
    double[] resolverRates = new double[WARM_ROUNDS];
    for (int round = 0; round < WARM_ROUNDS; round++) {
      bareRates[round] = rate(threads, () -> bareLoop(bare, key));
      resolverRates[round] = rate(threads, () -> resolverLoop(resolver, key));
    }

    double bareRate = median(bareRates);
    double resolverRate = median(resolverRates);
    System.out.printf(Locale.ROOT, "Warm lookups of one key, %d thread(s):%n", threads);
    System.out.printf(
        Locale.ROOT,
        "  bare Caffeine getIfPresent   %,15.0f per second  %6.1f ns each%n",
        bareRate,
        threads * 1e9 / bareRate);
    System.out.printf(
        Locale.ROOT,
        "  CachingTenantResolver.find   %,15.0f per second  %6.1f ns each%n",
        resolverRate,
        threads * 1e9 / resolverRate);
    System.out.printf(
        Locale.ROOT,
        "  cost of a resolution: %.2f times a bare lookup%n%n",
        bareRate / resolverRate);
  }

  /** A loop that runs lookups for one round and returns how many it ran. */
  private interface TimedLoop {
    long run();
  }

  /** Runs the loop on {@code threads} threads at once and returns lookups per second. */
  private static double rate(int threads, TimedLoop loop) throws InterruptedException {
    AtomicLong total = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread worker =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                    total.addAndGet(loop.run());
                  });
      workers.add(worker);
    }
    long began = System.nanoTime();
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    return total.get() * 1e9 / (System.nanoTime() - began);
  }

  private static long bareLoop(
      Cache<TenantReference, Optional<Tenant>> cache, TenantReference key) {
    long deadline = System.nanoTime() + ROUND_NANOS;
    long operations = 0;
    long sink = 0;
    do {
      for (int i = 0; i < 1024; i++) {
        sink += cache.getIfPresent(key).orElseThrow().version();
      }
      operations += 1024;
    } while (System.nanoTime() < deadline);
    return sink == 0 ? -1 : operations;
  }

  private static long resolverLoop(CachingTenantResolver resolver, TenantReference key) {
    long deadline = System.nanoTime() + ROUND_NANOS;
    long operations = 0;
    long sink = 0;
    do {
      for (int i = 0; i < 1024; i++) {
        sink += resolver.find(key).orElseThrow().version();
      }
      operations += 1024;
    } while (System.nanoTime() < deadline);
    return sink == 0 ? -1 : operations;
  }

  private static void cold() throws InterruptedException {
    try (TestDatabase database = TestDatabase.create()) {
      database.migrate();
      StatementCounter statements = new StatementCounter();
      JooqTenantRepository tenants =
          new JooqTenantRepository(new JooqUnitOfWork(statements.wrap(database.dataSource())));
      ResolveTenant resolveTenant = new ResolveTenant(tenants);

      long[] queries = new long[COLD_ROUNDS];
      long[] coalesced = new long[COLD_ROUNDS];
      for (int round = 0; round < COLD_ROUNDS; round++) {
        Tenant tenant = TenantBuilder.aTenant().withSlug("cold-" + round).build();
        tenants.insert(tenant);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CachingTenantResolver resolver =
            new CachingTenantResolver(
                resolveTenant::find, TenantCacheSettings.defaults(), registry);
        statements.reset();

        burst(resolver, new TenantReference.BySlug(Slug.of("cold-" + round)));

        queries[round] = statements.count("tenants");
        coalesced[round] =
            (long) registry.get("rustok.tenant.cache.coalesced").functionCounter().count();
      }
      System.out.printf(
          Locale.ROOT,
          "Cold requests: %,d concurrent lookups of one uncached tenant on PostgreSQL, %d rounds%n",
          COLD_REQUESTS,
          COLD_ROUNDS);
      System.out.printf(
          Locale.ROOT,
          "  database queries per %,d requests: %s%n",
          COLD_REQUESTS,
          Arrays.toString(queries));
      System.out.printf(
          Locale.ROOT,
          "  requests that joined the one load: %s (the others found it finished)%n",
          Arrays.toString(coalesced));
    }
  }

  /** Starts one virtual thread per request, releases them together and waits for all. */
  private static void burst(CachingTenantResolver resolver, TenantReference key)
      throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> requests = new ArrayList<>();
    AtomicLong found = new AtomicLong();
    for (int i = 0; i < COLD_REQUESTS; i++) {
      requests.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      start.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                    if (resolver.find(key).isPresent()) {
                      found.incrementAndGet();
                    }
                  }));
    }
    start.countDown();
    for (Thread request : requests) {
      request.join();
    }
    if (found.get() != COLD_REQUESTS) {
      throw new IllegalStateException(
          "only " + found.get() + " of " + COLD_REQUESTS + " requests found the tenant");
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
