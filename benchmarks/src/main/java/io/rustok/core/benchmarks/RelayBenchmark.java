package io.rustok.core.benchmarks;

import io.rustok.core.adapters.jooq.EnvelopeCodec;
import io.rustok.core.adapters.jooq.JooqAdapters;
import io.rustok.core.application.outbox.RelayOutbox;
import io.rustok.core.application.outbox.RelayRun;
import io.rustok.core.application.outbox.RelaySettings;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.event.NodeCreated;
import io.rustok.core.domain.event.TranslationSummary;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.IdSource;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.TenantId;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * Drains a pre-filled outbox, once with {@link RelayOutbox} and once with its SQL alone.
 *
 * <p>The relay drains run on threads of their own, one per drainer; the plain JDBC drains run on
 * the calling thread.
 *
 * <p>Before every drain the outbox is emptied and filled again with the same pending {@code
 * node.created} events, copied from a template table that was filled by appending through the
 * outbox store in transactions of {@value #FILL_CHUNK} events. Then {@code VACUUM ANALYZE} and
 * {@code CHECKPOINT} run, so every drain starts from a table in the same state. One thread drains
 * until a claim finds nothing, and the time of that last, empty claim is included.
 */
final class RelayBenchmark {
  private static final int FILL_CHUNK = 1_000;
  private static final String TEMPLATE = "benchmark_outbox_template";
  private static final LocaleCode LOCALE = LocaleCode.of(SampleNode.LOCALE);

  private final BenchmarkDatabase database;
  private final JooqAdapters adapters;
  private final EnvelopeCodec codec;
  private final IdSource ids;
  private final Clock clock;
  private final TenantId tenantId;
  private final ActorId actorId;
  private int templateRows;

  RelayBenchmark(
      BenchmarkDatabase database,
      JooqAdapters adapters,
      EnvelopeCodec codec,
      IdSource ids,
      Clock clock,
      TenantId tenantId,
      ActorId actorId) {
    this.database = database;
    this.adapters = adapters;
    this.codec = codec;
    this.ids = ids;
    this.clock = clock;
    this.tenantId = tenantId;
    this.actorId = actorId;
  }

  /**
   * Returns the rate at which {@code drainers} threads, each calling {@link RelayOutbox#runOnce} on
   * a relay of its own until a pass claims nothing, drain {@code events} events together.
   */
  Rate relay(int batchSize, int events, int drainers) throws SQLException, InterruptedException {
    refill(events);
    LongAdder dispatched = new LongAdder();
    LongAdder cpuNanos = new LongAdder();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>(drainers);

    long start = System.nanoTime();
    for (int index = 0; index < drainers; index++) {
      RelayOutbox relay =
          new RelayOutbox(
              adapters.outbox(),
              new DiscardingTransport(),
              settings(batchSize),
              RandomGenerator.of("L64X128MixRandom"));
      Runnable drain = () -> drain(relay, dispatched, cpuNanos, failure);
      threads.add(Thread.ofPlatform().name("drainer-" + index).start(drain));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long end = System.nanoTime();

    if (failure.get() != null) {
      throw failure.get();
    }
    return checked(dispatched.sum(), events, end - start, cpuNanos.sum());
  }

  private static void drain(
      RelayOutbox relay,
      LongAdder dispatched,
      LongAdder cpuNanos,
      AtomicReference<RuntimeException> failure) {
    long cpuAtStart = Rate.threadCpuNanos();
    try {
      RelayRun run;
      do {
        run = relay.runOnce();
        dispatched.add(run.dispatched());
        if (run.dispatched() != run.claimed()) {
          throw new IllegalStateException("A relay pass did not dispatch all it claimed: " + run);
        }
      } while (run.claimed() > 0);
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    } finally {
      cpuNanos.add(Rate.threadCpuNanos() - cpuAtStart);
    }
  }

  /**
   * Returns the rate at which the relay's claim-and-complete SQL drains {@code events} events on
   * plain JDBC, decoding each payload with the codec when {@code decode} is set.
   */
  Rate rawSql(int batchSize, int events, boolean decode) throws SQLException {
    RawRelaySql sql =
        new RawRelaySql(
            adapters.dataSource(),
            settings(batchSize).lease(),
            decode ? Optional.of(codec) : Optional.empty());
    refill(events);

    long start = System.nanoTime();
    long cpuAtStart = Rate.threadCpuNanos();
    long dispatched = 0;
    int claimed;
    do {
      claimed = sql.drainOnce(batchSize);
      dispatched += claimed;
    } while (claimed > 0);
    long end = System.nanoTime();

    return checked(dispatched, events, end - start, Rate.threadCpuNanos() - cpuAtStart);
  }

  /**
   * Empties the outbox and fills it with the first {@code events} rows of the template, then
   * settles the table. The template is built on first use, or grown, by appending events through
   * the outbox store, so every drain of the run starts from the same rows.
   */
  void refill(int events) throws SQLException {
    if (templateRows < events) {
      buildTemplate(events);
    }
    database.execute("TRUNCATE sys_events");
    database.execute(
        "INSERT INTO sys_events SELECT * FROM "
            + TEMPLATE
            + " ORDER BY created_at, id LIMIT "
            + events);
    database.execute("VACUUM ANALYZE sys_events");
    database.execute("CHECKPOINT");
  }

  private void buildTemplate(int events) throws SQLException {
    database.execute("TRUNCATE sys_events");
    for (int start = 0; start < events; start += FILL_CHUNK) {
      List<EventEnvelope> chunk = new ArrayList<>(FILL_CHUNK);
      for (int i = start; i < Math.min(events, start + FILL_CHUNK); i++) {
        chunk.add(envelope(i));
      }
      adapters
          .unitOfWork()
          .execute(
              () -> {
                adapters.outbox().append(chunk);
                return null;
              });
    }
    database.execute("DROP TABLE IF EXISTS " + TEMPLATE);
    database.execute("CREATE TABLE " + TEMPLATE + " AS SELECT * FROM sys_events");
    templateRows = events;
  }

  /** Returns a {@code node.created} envelope like those the benchmark's creations publish. */
  EventEnvelope envelope(int sequence) {
    NodeCreated event =
        new NodeCreated(
            new NodeId(ids.newId()),
            new NodeKind(SampleNode.KIND),
            NodeStatus.DRAFT,
            Optional.empty(),
            List.of(
                new TranslationSummary(
                    LOCALE, SampleNode.title(0, sequence), new Slug(SampleNode.slug(0, sequence)))),
            List.of(LOCALE));
    return EventEnvelope.wrap(
        new EventId(ids.newId()),
        tenantId,
        Optional.of(actorId),
        new CorrelationId(SampleNode.correlationId(0, sequence)),
        Optional.empty(),
        Optional.empty(),
        clock.instant(),
        event);
  }

  static RelaySettings settings(int batchSize) {
    RelaySettings defaults = RelaySettings.DEFAULTS;
    return new RelaySettings(
        batchSize,
        defaults.maxAttempts(),
        defaults.backoffBase(),
        defaults.backoffCap(),
        defaults.lease(),
        defaults.idlePoll());
  }

  private Rate checked(long dispatched, int events, long nanos, long cpuNanos) throws SQLException {
    long stored = database.queryLong("select count(*) from sys_events where status = 'dispatched'");
    if (dispatched != events || stored != events) {
      throw new IllegalStateException(
          "Expected "
              + events
              + " events dispatched, but the drain counted "
              + dispatched
              + " and the table has "
              + stored);
    }
    return new Rate(events, Duration.ofNanos(nanos), Duration.ofNanos(cpuNanos));
  }
}
