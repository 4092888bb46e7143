package io.rustok.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rustok.core.adapters.inmemory.InMemoryOutbox;
import io.rustok.core.adapters.inmemory.InMemoryUnitOfWork;
import io.rustok.core.application.outbox.InspectOutbox;
import io.rustok.core.domain.outbox.OutboxStore;
import io.rustok.core.testing.EnvelopeBuilder;
import io.rustok.core.testing.MutableClock;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OutboxMetersTest {
  private final MutableClock clock = MutableClock.create();
  private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
  private final InMemoryOutbox outbox = new InMemoryOutbox(unitOfWork, clock);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicLong nanos = new AtomicLong();

  @Test
  void gaugesShowCountsAndOldestPendingAge() {
    append(2);
    clock.advance(Duration.ofSeconds(30));
    new OutboxMeters(new InspectOutbox(outbox), nanos::get).register(registry);

    assertThat(events("pending")).isEqualTo(2);
    assertThat(events("dispatched")).isZero();
    assertThat(events("failed")).isZero();
    assertThat(oldestPendingAge()).isEqualTo(30);
  }

  @Test
  void oldestPendingAgeIsZeroWhenNothingIsPending() {
    new OutboxMeters(new InspectOutbox(outbox), nanos::get).register(registry);

    assertThat(oldestPendingAge()).isZero();
  }

  @Test
  void countsAreReusedForOneSecond() {
    new OutboxMeters(new InspectOutbox(outbox), nanos::get).register(registry);
    assertThat(events("pending")).isZero();

    append(1);
    double withinSecond = events("pending");
    nanos.addAndGet(Duration.ofMillis(OutboxMeters.MAX_AGE_MILLIS + 1).toNanos());

    assertThat(withinSecond).isZero();
    assertThat(events("pending")).isEqualTo(1);
  }

  @Test
  void failedReadIsNaN() {
    AtomicBoolean broken = new AtomicBoolean(true);
    AtomicInteger reads = new AtomicInteger();
    OutboxStore failing =
        (OutboxStore)
            Proxy.newProxyInstance(
                OutboxStore.class.getClassLoader(),
                new Class<?>[] {OutboxStore.class},
                (proxy, method, args) -> {
                  reads.incrementAndGet();
                  if (broken.get()) {
                    throw new IllegalStateException("database unreachable");
                  }
                  return method.invoke(outbox, args);
                });
    new OutboxMeters(new InspectOutbox(failing), nanos::get).register(registry);

    double whileBroken = events("pending");
    double stillWithinTheSecond = events("dispatched");
    broken.set(false);
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());

    assertThat(whileBroken).isNaN();
    assertThat(stillWithinTheSecond).isNaN();
    assertThat(reads.get()).as("a failed read is not retried within the second").isEqualTo(1);
    assertThat(events("pending")).isZero();
  }

  @Test
  void gaugesOutliveGarbageCollection() {
    new OutboxMeters(new InspectOutbox(outbox), nanos::get).register(registry);

    for (int i = 0; i < 5; i++) {
      System.gc();
    }

    assertThat(events("pending")).isZero();
  }

  private void append(int count) {
    unitOfWork.execute(
        () -> {
          for (int i = 0; i < count; i++) {
            outbox.append(List.of(EnvelopeBuilder.anEnvelope().build()));
          }
          return null;
        });
  }

  private double events(String status) {
    return registry.get("rustok.outbox.events").tag("status", status).gauge().value();
  }

  private double oldestPendingAge() {
    return registry.get("rustok.outbox.oldest.pending.age").gauge().value();
  }
}
