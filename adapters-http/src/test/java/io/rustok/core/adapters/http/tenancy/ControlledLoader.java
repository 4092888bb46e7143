package io.rustok.core.adapters.http.tenancy;

import io.rustok.core.application.tenancy.TenantReference;
import io.rustok.core.domain.tenancy.Tenant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tenant loader that the test steers: it answers from a map, counts its calls, and can be held at
 * a gate after it has read its answer, as a database query whose result is still on its way.
 */
final class ControlledLoader implements Function<TenantReference, Optional<Tenant>> {
  private final Map<TenantReference, Tenant> tenants = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final Semaphore started = new Semaphore(0);
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile RuntimeException failure;

  void put(TenantReference reference, Tenant tenant) {
    tenants.put(reference, tenant);
  }

  void remove(TenantReference reference) {
    tenants.remove(reference);
  }

  /** Makes the next loads wait after reading their answer until {@link #release()}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    gate.countDown();
  }

  /** Makes every load from now on throw {@code exception} once it passes the gate. */
  void failWith(RuntimeException exception) {
    failure = exception;
  }

  void succeed() {
    failure = null;
  }

  int calls() {
    return calls.get();
  }

  /** Waits until a load has started, for at most five seconds, and returns whether one did. */
  boolean awaitStarted() throws InterruptedException {
    return started.tryAcquire(5, TimeUnit.SECONDS);
  }

  @Override
  public Optional<Tenant> apply(TenantReference reference) {
    calls.incrementAndGet();
    Optional<Tenant> answer = Optional.ofNullable(tenants.get(reference));
    CountDownLatch waitFor = gate;
    started.release();
    try {
      if (!waitFor.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the loader");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while held", e);
    }
    RuntimeException toThrow = failure;
    if (toThrow != null) {
      throw toThrow;
    }
    return answer;
  }
}
