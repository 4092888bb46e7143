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
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Drains a pre-filled outbox with {@link RelayOutbox} and with its SQL alone on plain JDBC, each in
 * two ways: with every batch's statements one after the other on one thread, and with each batch
 * marked dispatched on a second thread while the next batch is claimed, as the service's relay
 * worker runs it.
 *
 * <p>The relay drains run on threads of their own, one per drainer, each with its own marker thread
 * when marking overlaps. The plain JDBC drains claim on the calling thread and, when marking
 * overlaps, mark on a second thread. A drain's CPU time is that of all these threads together.
 *
 * <p>Before every drain the outbox is emptied and filled again with the same pending {@code
 * node.created} events, copied from a template table that was filled by appending through the
 * outbox store in transactions of {@value #FILL_CHUNK} events. Then {@code VACUUM ANALYZE} and
 * {@code CHECKPOINT} run, so every drain starts from a table in the same state. Each drainer drains
 * until a claim finds nothing, and the time of that last, empty claim is included. Every drain
 * checks that each claimed event was marked dispatched, and that the events it counted and the
 * dispatched rows in the table both equal the events filled.
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
   * Returns the rate at which {@code drainers} threads drain {@code events} events together, each
   * calling {@link RelayOutbox#drain} on a relay of its own with a marker thread of its own, as the
   * service's relay worker does. The CPU time includes the marker threads.
   */
  Rate relayDrain(int batchSize, int events, int drainers)
      throws SQLException, InterruptedException {
    refill(events);
    List<CpuTimedExecutor> markers = new ArrayList<>(drainers);
    try {
      List<Supplier<RelayRun>> drains = new ArrayList<>(drainers);
      for (int index = 0; index < drainers; index++) {
        RelayOutbox relay = newRelay(batchSize);
        CpuTimedExecutor marker = CpuTimedExecutor.start("relay-marker-" + index);
        markers.add(marker);
        drains.add(() -> relay.drain(marker, () -> true));
      }
      DrainResult result = runDrainers(drains);
      long cpuNanos = result.cpuNanos();
      for (CpuTimedExecutor marker : markers) {
        cpuNanos += marker.cpuNanosSinceStart();
      }
      return checked(result.dispatched(), events, result.nanos(), cpuNanos);
    } finally {
      markers.forEach(CpuTimedExecutor::close);
    }
  }

  /**
   * Returns the rate at which one thread, calling {@link RelayOutbox#runOnce} until a pass claims
   * nothing, drains {@code events} events. Each pass claims, delivers and marks its batch on that
   * thread.
   */
  Rate relayRunOnce(int batchSize, int events) throws SQLException, InterruptedException {
    refill(events);
    RelayOutbox relay = newRelay(batchSize);
    DrainResult result = runDrainers(List.of(() -> runOnceUntilEmpty(relay)));
    return checked(result.dispatched(), events, result.nanos(), result.cpuNanos());
  }

  private static RelayRun runOnceUntilEmpty(RelayOutbox relay) {
    RelayRun total = RelayRun.NOTHING;
    RelayRun run;
    do {
      run = relay.runOnce();
      requireAllDispatched(run);
      total = total.plus(run);
    } while (run.claimed() > 0);
    return total;
  }

  /** Events dispatched, elapsed time and CPU time of the drainer threads of one drain. */
  private record DrainResult(long dispatched, long nanos, long cpuNanos) {}

  /**
   * Runs each drain on a thread of its own and returns the events they dispatched, the time from
   * starting the first thread to the end of the last, and the CPU time of these threads.
   *
   * @throws IllegalStateException if a drain did not dispatch every event it claimed
   * @throws RuntimeException the first exception a drain threw
   */
  private static DrainResult runDrainers(List<Supplier<RelayRun>> drains)
      throws InterruptedException {
    LongAdder dispatched = new LongAdder();
    LongAdder cpuNanos = new LongAdder();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>(drains.size());

    long start = System.nanoTime();
    for (int index = 0; index < drains.size(); index++) {
      Supplier<RelayRun> drain = drains.get(index);
      Runnable body =
          () -> {
            long cpuAtStart = Rate.threadCpuNanos();
            try {
              RelayRun run = drain.get();
              requireAllDispatched(run);
              dispatched.add(run.dispatched());
            } catch (RuntimeException e) {
              failure.compareAndSet(null, e);
            } finally {
              cpuNanos.add(Rate.threadCpuNanos() - cpuAtStart);
            }
          };
      threads.add(Thread.ofPlatform().name("drainer-" + index).start(body));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long end = System.nanoTime();

    if (failure.get() != null) {
      throw failure.get();
    }
    return new DrainResult(dispatched.sum(), end - start, cpuNanos.sum());
  }

  /**
   * Throws if {@code run} dispatched fewer events than it claimed. For the sum of several passes
   * this also covers each pass, because no pass dispatches more than it claims.
   */
  private static void requireAllDispatched(RelayRun run) {
    if (run.dispatched() != run.claimed()) {
      throw new IllegalStateException("The relay did not dispatch all it claimed: " + run);
    }
  }

  private RelayOutbox newRelay(int batchSize) {
    return new RelayOutbox(
        adapters.outbox(),
        new DiscardingTransport(),
        settings(batchSize),
        RandomGenerator.of("L64X128MixRandom"));
  }

  /**
   * Returns the rate at which the relay's claim-and-complete SQL drains {@code events} events on
   * plain JDBC with {@link RawRelaySql#drainOnce}, both statements of each batch one after the
   * other on the calling thread, decoding each payload with the codec when {@code decode} is set.
   */
  Rate rawSql(int batchSize, int events, boolean decode) throws SQLException {
    RawRelaySql sql = rawRelaySql(batchSize, decode);
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
   * Returns the rate at which the relay's claim-and-complete SQL drains {@code events} events on
   * plain JDBC with {@link RawRelaySql#drainOverlapped}: claims on the calling thread, each batch
   * marked dispatched on a second thread while the next batch is claimed. It decodes each payload
   * with the codec when {@code decode} is set. The CPU time includes the second thread.
   */
  Rate rawSqlOverlapped(int batchSize, int events, boolean decode)
      throws SQLException, InterruptedException {
    RawRelaySql sql = rawRelaySql(batchSize, decode);
    refill(events);

    try (CpuTimedExecutor completer = CpuTimedExecutor.start("raw-sql-completer")) {
      long start = System.nanoTime();
      long cpuAtStart = Rate.threadCpuNanos();
      long dispatched = sql.drainOverlapped(batchSize, completer);
      long end = System.nanoTime();
      long cpuNanos = Rate.threadCpuNanos() - cpuAtStart + completer.cpuNanosSinceStart();

      return checked(dispatched, events, end - start, cpuNanos);
    }
  }

  private RawRelaySql rawRelaySql(int batchSize, boolean decode) {
    return new RawRelaySql(
        adapters.dataSource(),
        settings(batchSize).lease(),
        decode ? Optional.of(codec) : Optional.empty());
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
