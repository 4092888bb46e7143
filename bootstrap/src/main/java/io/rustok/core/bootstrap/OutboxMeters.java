package io.rustok.core.bootstrap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.rustok.core.application.outbox.InspectOutbox;
import io.rustok.core.domain.outbox.OutboxStats;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of the outbox backlog: {@code rustok_outbox_events{status}} for pending, dispatched and
 * failed events, and {@code rustok_outbox_oldest_pending_age_seconds}, which is 0 when nothing is
 * pending.
 *
 * <p>The gauges hold this object strongly, because nothing else refers to it once it is registered;
 * Micrometer's default weak reference would let it be collected, and the gauges would then report
 * NaN.
 *
 * <p>One scrape reads every gauge, so the counts are queried once and reused for {@value
 * #MAX_AGE_MILLIS} ms instead of once per gauge. When the query fails, the gauges report NaN, which
 * Prometheus records as a missing value, and the failure is logged as a warning.
 */
final class OutboxMeters {
  static final long MAX_AGE_MILLIS = 1000;
  private static final Logger log = LoggerFactory.getLogger(OutboxMeters.class);

  private final InspectOutbox outbox;
  private final LongSupplier nanoTime;
  private Optional<OutboxStats> stats = Optional.empty();
  private long readAt;
  private boolean hasRead;

  OutboxMeters(InspectOutbox outbox, LongSupplier nanoTime) {
    this.outbox = outbox;
    this.nanoTime = nanoTime;
  }

  void register(MeterRegistry registry) {
    gauge(registry, "pending", OutboxStats::pending);
    gauge(registry, "dispatched", OutboxStats::dispatched);
    gauge(registry, "failed", OutboxStats::failed);
    Gauge.builder(
            "rustok.outbox.oldest.pending.age",
            this,
            meters ->
                meters.read(
                    stats -> stats.oldestPendingAge().map(OutboxMeters::seconds).orElse(0.0)))
        .description("Age of the oldest pending outbox event; 0 when none is pending")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
  }

  private void gauge(MeterRegistry registry, String status, ToDoubleFunction<OutboxStats> count) {
    Gauge.builder("rustok.outbox.events", this, meters -> meters.read(count))
        .description("Outbox events by status")
        .tag("status", status)
        .strongReference(true)
        .register(registry);
  }

  private synchronized double read(ToDoubleFunction<OutboxStats> value) {
    long now = nanoTime.getAsLong();
    if (!hasRead || now - readAt > Duration.ofMillis(MAX_AGE_MILLIS).toNanos()) {
      // A failed read is remembered like a good one, so that while the database is down a scrape
      // waits for one failed query a second at most, not one per gauge.
      hasRead = true;
      readAt = now;
      try {
        stats = Optional.of(outbox.stats());
      } catch (RuntimeException e) {
        log.warn("Reading the outbox counts for metrics failed: {}", e.toString());
        stats = Optional.empty();
      }
    }
    return stats.map(value::applyAsDouble).orElse(Double.NaN);
  }

  private static double seconds(Duration age) {
    return age.toNanos() / 1e9;
  }
}
