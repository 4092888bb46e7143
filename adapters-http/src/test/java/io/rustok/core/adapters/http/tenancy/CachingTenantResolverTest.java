package io.rustok.core.adapters.http.tenancy;

import static io.rustok.core.testing.TenantBuilder.aTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rustok.core.application.tenancy.TenantReference;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.testing.TenantBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingTenantResolverTest {
  private static final Duration TTL = Duration.ofMinutes(5);
  private static final Duration NEGATIVE_TTL = Duration.ofSeconds(60);

  private final ControlledLoader loader = new ControlledLoader();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicLong nanos = new AtomicLong();
  private final ExecutorService loads = Executors.newCachedThreadPool();
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final Tenant acme = aTenant().withSlug("acme").withHosts("acme.example.com").build();
  private final TenantReference acmeBySlug = new TenantReference.BySlug(acme.slug());

  /** Loads on the calling thread, so each entry is finished and timed before find returns. */
  private CachingTenantResolver resolver = resolver(Duration.ofSeconds(5), 10_000, Runnable::run);

  @AfterEach
  void stop() {
    loader.release();
    callers.shutdownNow();
    loads.shutdownNow();
  }

  @Test
  void warmLookupIsHitWithoutLoad() {
    loader.put(acmeBySlug, acme);
    resolver.find(acmeBySlug);

    Optional<Tenant> found = resolver.find(acmeBySlug);

    assertThat(found).contains(acme);
    assertThat(loader.calls()).isEqualTo(1);
    assertThat(count("rustok.tenant.cache.hits")).isEqualTo(1);
    assertThat(count("rustok.tenant.cache.misses")).isEqualTo(1);
    assertThat(loads("found")).isEqualTo(1);
  }

  @Test
  void concurrentMissesShareOneLoad() throws Exception {
    resolver = concurrentResolver(Duration.ofSeconds(5));
    loader.put(acmeBySlug, acme);
    loader.hold();
    List<Future<Optional<Tenant>>> answers = new ArrayList<>();

    for (int i = 0; i < 50; i++) {
      answers.add(callers.submit(() -> resolver.find(acmeBySlug)));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> count("rustok.tenant.cache.misses") == 50);
    loader.release();

    for (Future<Optional<Tenant>> answer : answers) {
      assertThat(answer.get(10, TimeUnit.SECONDS)).contains(acme);
    }
    assertThat(loader.calls()).isEqualTo(1);
    assertThat(count("rustok.tenant.cache.coalesced")).isEqualTo(49);
    assertThat(loads("found")).isEqualTo(1);
    assertThat(count("rustok.tenant.cache.hits")).isZero();
  }

  @Test
  void concurrentMissesForUnknownTenantShareOneLoad() throws Exception {
    resolver = concurrentResolver(Duration.ofSeconds(5));
    TenantReference nobody = new TenantReference.BySlug(Slug.of("nobody"));
    loader.hold();
    List<Future<Optional<Tenant>>> answers = new ArrayList<>();

    for (int i = 0; i < 20; i++) {
      answers.add(callers.submit(() -> resolver.find(nobody)));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> count("rustok.tenant.cache.misses") == 20);
    loader.release();

    for (Future<Optional<Tenant>> answer : answers) {
      assertThat(answer.get(10, TimeUnit.SECONDS)).isEmpty();
    }
    assertThat(loader.calls()).isEqualTo(1);
    assertThat(loads("not_found")).isEqualTo(1);
    assertThat(resolver.find(nobody)).isEmpty();
    assertThat(count("rustok.tenant.cache.negative.hits")).isEqualTo(1);
    assertThat(loader.calls()).isEqualTo(1);
  }

  @Test
  void unknownTenantExpiresAfterNegativeTtl() {
    TenantReference nobody = new TenantReference.BySlug(Slug.of("nobody"));
    resolver.find(nobody);

    nanos.addAndGet(NEGATIVE_TTL.minusSeconds(1).toNanos());
    resolver.find(nobody);
    int callsBeforeExpiry = loader.calls();
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    resolver.find(nobody);

    assertThat(callsBeforeExpiry).isEqualTo(1);
    assertThat(loader.calls()).isEqualTo(2);
  }

  @Test
  void foundTenantOutlivesNegativeTtlUntilTtl() {
    loader.put(acmeBySlug, acme);
    resolver.find(acmeBySlug);

    nanos.addAndGet(NEGATIVE_TTL.plusSeconds(1).toNanos());
    resolver.find(acmeBySlug);
    int callsBeforeExpiry = loader.calls();
    nanos.addAndGet(TTL.toNanos());
    resolver.find(acmeBySlug);

    assertThat(callsBeforeExpiry).isEqualTo(1);
    assertThat(loader.calls()).isEqualTo(2);
  }

  @Test
  void expiredEntryCountsAsEviction() {
    resolver.find(acmeBySlug);

    nanos.addAndGet(NEGATIVE_TTL.plusSeconds(1).toNanos());
    resolver.find(new TenantReference.BySlug(Slug.of("other")));

    await().atMost(Duration.ofSeconds(5)).until(() -> count("rustok.tenant.cache.evictions") >= 1);
  }

  @Test
  void sizeBoundEvictsEntries() {
    resolver = resolver(Duration.ofSeconds(5), 3, Runnable::run);

    for (int i = 0; i < 20; i++) {
      resolver.find(new TenantReference.BySlug(Slug.of("tenant-" + i)));
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> resolver.estimatedSize() <= 3);
    assertThat(count("rustok.tenant.cache.evictions")).isGreaterThanOrEqualTo(17);
    assertThat(gauge("rustok.tenant.cache.entries")).isLessThanOrEqualTo(3);
  }

  @Test
  void failedLoadReachesEveryWaiterAndIsNotCached() throws Exception {
    resolver = concurrentResolver(Duration.ofSeconds(5));
    loader.put(acmeBySlug, acme);
    loader.hold();
    loader.failWith(new IllegalStateException("database unreachable"));
    List<Future<Optional<Tenant>>> answers = new ArrayList<>();

    for (int i = 0; i < 10; i++) {
      answers.add(callers.submit(() -> resolver.find(acmeBySlug)));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> count("rustok.tenant.cache.misses") == 10);
    loader.release();

    for (Future<Optional<Tenant>> answer : answers) {
      assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
          .cause()
          .isInstanceOfSatisfying(
              TenantLookupException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(TenantLookupException.Reason.FAILED);
                assertThat(e.getCause()).hasMessage("database unreachable");
              });
    }
    assertThat(loader.calls()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> loads("error") == 1);
    loader.succeed();
    assertThat(resolver.find(acmeBySlug)).contains(acme);
    assertThat(loader.calls()).isEqualTo(2);
  }

  @Test
  void loadFailedOnCallingThreadIsNotCached() {
    loader.put(acmeBySlug, acme);
    loader.failWith(new IllegalStateException("database unreachable"));

    assertThatThrownBy(() -> resolver.find(acmeBySlug)).isInstanceOf(TenantLookupException.class);
    loader.succeed();

    assertThat(resolver.find(acmeBySlug)).contains(acme);
    assertThat(loader.calls()).isEqualTo(2);
    assertThat(loads("error")).isEqualTo(1);
    assertThat(loads("found")).isEqualTo(1);
  }

  @Test
  void callerTimeoutLeavesSharedLoadRunning() throws Exception {
    resolver = concurrentResolver(Duration.ofMillis(100));
    loader.put(acmeBySlug, acme);
    loader.hold();
    CompletableFuture<Optional<Tenant>> patient = resolver.findAsync(acmeBySlug);

    assertThatThrownBy(() -> resolver.find(acmeBySlug))
        .isInstanceOfSatisfying(
            TenantLookupException.class,
            e -> assertThat(e.reason()).isEqualTo(TenantLookupException.Reason.TIMED_OUT));
    loader.release();

    assertThat(patient.get(10, TimeUnit.SECONDS)).contains(acme);
    assertThat(resolver.find(acmeBySlug)).contains(acme);
    assertThat(loader.calls()).isEqualTo(1);
  }

  @Test
  void cancelledCallerLeavesSharedLoadRunning() throws Exception {
    resolver = concurrentResolver(Duration.ofSeconds(5));
    loader.put(acmeBySlug, acme);
    loader.hold();
    CompletableFuture<Optional<Tenant>> impatient = resolver.findAsync(acmeBySlug);
    CompletableFuture<Optional<Tenant>> patient = resolver.findAsync(acmeBySlug);

    impatient.cancel(true);
    loader.release();

    assertThat(patient.get(10, TimeUnit.SECONDS)).contains(acme);
    assertThat(resolver.find(acmeBySlug)).contains(acme);
    assertThat(loader.calls()).isEqualTo(1);
  }

  @Test
  void interruptedCallerLeavesSharedLoadRunning() throws Exception {
    resolver = concurrentResolver(Duration.ofSeconds(5));
    loader.put(acmeBySlug, acme);
    loader.hold();
    CompletableFuture<Optional<Tenant>> patient = resolver.findAsync(acmeBySlug);
    Future<Optional<Tenant>> interrupted = callers.submit(() -> resolver.find(acmeBySlug));
    await().atMost(Duration.ofSeconds(10)).until(() -> count("rustok.tenant.cache.misses") == 2);

    interrupted.cancel(true);
    loader.release();

    assertThat(patient.get(10, TimeUnit.SECONDS)).contains(acme);
    assertThat(loader.calls()).isEqualTo(1);
  }

  @Test
  void loadFinishingAfterInvalidationIsNotCached() throws Exception {
    resolver = concurrentResolver(Duration.ofSeconds(5));
    Tenant renamed = TenantBuilder.from(acme).withName("Acme Renamed").nextVersion().build();
    loader.put(acmeBySlug, acme);
    loader.hold();
    CompletableFuture<Optional<Tenant>> early = resolver.findAsync(acmeBySlug);
    assertThat(loader.awaitStarted()).isTrue();

    loader.put(acmeBySlug, renamed);
    resolver.tenantChanged(acme, renamed);
    loader.release();

    assertThat(early.get(10, TimeUnit.SECONDS)).contains(acme);
    assertThat(resolver.find(acmeBySlug)).contains(renamed);
    assertThat(loader.calls()).isEqualTo(2);
    assertThat(resolver.find(acmeBySlug)).contains(renamed);
    assertThat(loader.calls()).isEqualTo(2);
  }

  @Test
  void loadFinishingAfterInvalidateAllIsNotCached() throws Exception {
    resolver = concurrentResolver(Duration.ofSeconds(5));
    loader.put(acmeBySlug, acme);
    loader.hold();
    CompletableFuture<Optional<Tenant>> early = resolver.findAsync(acmeBySlug);
    assertThat(loader.awaitStarted()).isTrue();

    loader.remove(acmeBySlug);
    resolver.invalidateAll();
    loader.release();

    assertThat(early.get(10, TimeUnit.SECONDS)).contains(acme);
    assertThat(resolver.find(acmeBySlug)).isEmpty();
    assertThat(loader.calls()).isEqualTo(2);
  }

  @Test
  void tenantChangeDropsOldAndNewNames() {
    Tenant moved =
        TenantBuilder.from(acme)
            .withSlug("acme-2")
            .withHosts("acme.example.org")
            .nextVersion()
            .build();
    TenantReference byId = new TenantReference.ById(acme.id());
    TenantReference oldHost = new TenantReference.ByHost(HostName.parse("acme.example.com"));
    TenantReference newSlug = new TenantReference.BySlug(Slug.of("acme-2"));
    TenantReference newHost = new TenantReference.ByHost(HostName.parse("acme.example.org"));
    List<TenantReference> names = List.of(byId, acmeBySlug, oldHost, newSlug, newHost);
    loader.put(byId, acme);
    loader.put(acmeBySlug, acme);
    loader.put(oldHost, acme);
    names.forEach(resolver::find);

    resolver.tenantChanged(acme, moved);
    loader.remove(acmeBySlug);
    loader.remove(oldHost);
    loader.put(byId, moved);
    loader.put(newSlug, moved);
    loader.put(newHost, moved);

    assertThat(resolver.find(byId)).contains(moved);
    assertThat(resolver.find(acmeBySlug)).isEmpty();
    assertThat(resolver.find(oldHost)).isEmpty();
    assertThat(resolver.find(newSlug)).contains(moved);
    assertThat(resolver.find(newHost)).contains(moved);
    assertThat(loader.calls()).isEqualTo(10);
  }

  @Test
  void tenantCreationDropsCachedMiss() {
    assertThat(resolver.find(acmeBySlug)).isEmpty();
    loader.put(acmeBySlug, acme);

    resolver.tenantCreated(acme);

    assertThat(resolver.find(acmeBySlug)).contains(acme);
    assertThat(loader.calls()).isEqualTo(2);
  }

  @Test
  void idAndSlugOfOneTenantAreSeparateEntries() {
    TenantReference byId = new TenantReference.ById(acme.id());
    loader.put(byId, acme);
    loader.put(acmeBySlug, acme);

    resolver.find(byId);
    resolver.find(acmeBySlug);

    assertThat(loader.calls()).isEqualTo(2);
    assertThat(resolver.estimatedSize()).isEqualTo(2);
  }

  @Test
  void metersCarryNoTenantTags() {
    loader.put(acmeBySlug, acme);
    resolver.find(acmeBySlug);
    resolver.find(new TenantReference.ByHost(HostName.parse("acme.example.com")));

    Set<String> tagKeys =
        registry.getMeters().stream()
            .flatMap(meter -> meter.getId().getTags().stream())
            .map(tag -> tag.getKey())
            .collect(Collectors.toSet());
    Set<String> tagValues =
        registry.getMeters().stream()
            .map(Meter::getId)
            .flatMap(id -> id.getTags().stream())
            .map(tag -> tag.getValue())
            .collect(Collectors.toSet());

    assertThat(tagKeys).containsExactlyInAnyOrder("outcome", "scope");
    assertThat(tagValues).doesNotContain("acme", "acme.example.com", acme.id().toString());
  }

  /** Returns a resolver whose loads run on a thread pool, so the loader can be held. */
  private CachingTenantResolver concurrentResolver(Duration lookupTimeout) {
    return resolver(lookupTimeout, 10_000, loads);
  }

  private CachingTenantResolver resolver(
      Duration lookupTimeout, long maxEntries, Executor loadExecutor) {
    registry.clear();
    return new CachingTenantResolver(
        loader,
        new TenantCacheSettings(TTL, NEGATIVE_TTL, maxEntries, lookupTimeout),
        registry,
        loadExecutor,
        Runnable::run,
        nanos::get);
  }

  private double count(String name) {
    return registry.get(name).functionCounter().count();
  }

  private double loads(String outcome) {
    return registry
        .get("rustok.tenant.cache.loads")
        .tag("outcome", outcome)
        .functionCounter()
        .count();
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }
}
