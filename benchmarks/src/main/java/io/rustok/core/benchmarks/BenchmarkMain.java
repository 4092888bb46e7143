package io.rustok.core.benchmarks;

import io.rustok.core.adapters.jooq.EnvelopeCodec;
import io.rustok.core.adapters.jooq.JooqAdapters;
import io.rustok.core.adapters.jooq.PostgresConfig;
import io.rustok.core.application.EventPublisher;
import io.rustok.core.application.content.CreateNode;
import io.rustok.core.application.outbox.RelayOutbox;
import io.rustok.core.application.outbox.RelayRun;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.outbox.EventOutbox;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.IdSource;
import io.rustok.core.domain.shared.UuidV7;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.testing.postgres.StatementCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Measures node creation and outbox relay throughput against PostgreSQL, each next to the plain
 * JDBC rate of the same SQL in the same run, and prints the figures and their ratios.
 *
 * <p>The run creates a database of its own on the server that {@value
 * BenchmarkSettings#URL_VARIABLE} names, migrates it with the PostgreSQL adapters' Flyway
 * migrations, and drops it at the end. Progress goes to standard error and the report, as Markdown,
 * to standard output. The exit status is 1 if the run failed.
 */
public final class BenchmarkMain {
  private static final int[] CLIENTS = {1, 4};
  private static final int POOL_SIZE = 8;
  private static final int PROFILE_CREATIONS = 200;
  private static final int PROFILE_RELAY_EVENTS = 1_000;
  private static final int PROFILE_CODEC_EVENTS = 20_000;

  /**
   * Untimed drains before the timed ones, as batch size and events. The drain at batch 1 makes
   * enough passes for the JIT compiler to compile the per-statement code.
   */
  private static final int[][] RELAY_WARM_UP = {{1, 1_000}, {100, 10_000}};

  /** Batch sizes of the relay drains, each with the number of events it drains. */
  private static final int[][] RELAY_BATCHES = {{1, 2_000}, {100, 50_000}, {500, 50_000}};

  /**
   * Batch size at which each round also drains with two relay threads, to show what a second relay
   * adds beside the one-drainer figures.
   */
  private static final int TWO_DRAINER_BATCH = 100;

  /** Untimed run of a creation workload before each timed one, after the tables were emptied. */
  private static final Duration SETTLE = Duration.ofSeconds(1);

  /** Positions of two workloads in {@link #WORKLOAD_LABELS} and in the list of workloads. */
  private static final int USE_CASE_WITH_OUTBOX = 0;

  private static final int RAW_WITH_OUTBOX_ROW = 2;
  private static final String[] WORKLOAD_LABELS = {
    "(a) use case with outbox",
    "(b) use case without outbox",
    "(c) raw SQL with outbox row",
    "(d) raw SQL without outbox row",
    "(c1) raw SQL with outbox row, one request per insert",
    "(d1) raw SQL without outbox row, one request per insert"
  };

  private final BenchmarkSettings settings;
  private final BenchmarkDatabase database;
  private final JooqAdapters adapters;
  private final EnvelopeCodec codec;
  private final IdSource ids;
  private final Clock clock = Clock.systemUTC();
  private final TenantId tenantId = new TenantId(UUID.randomUUID());
  private final ActorId actorId = new ActorId(UUID.randomUUID());

  /** Mean stored size of the outbox payloads that the last run of each creation side wrote. */
  private long useCasePayloadBytes;

  private long rawPayloadBytes;

  private BenchmarkMain(
      BenchmarkSettings settings,
      BenchmarkDatabase database,
      JooqAdapters adapters,
      EnvelopeCodec codec) {
    this.settings = settings;
    this.database = database;
    this.adapters = adapters;
    this.codec = codec;
    this.ids = new UuidV7(clock);
  }

  public static void main(String[] args) {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    try {
      BenchmarkSettings settings = BenchmarkSettings.from(System.getenv());
      run(settings).print(System.out);
    } catch (Exception e) {
      System.err.println("Benchmark failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static Report run(BenchmarkSettings settings) throws Exception {
    EnvelopeCodec codec = new EventJsonEnvelopeCodec();
    progress("Creating a database on " + BenchmarkDatabase.masked(settings.serverUrl()));
    try (BenchmarkDatabase database = BenchmarkDatabase.create(settings.serverUrl());
        JooqAdapters adapters =
            JooqAdapters.start(
                PostgresConfig.of(database.jdbcUrl()).withMaximumPoolSize(POOL_SIZE), codec)) {
      progress("Created and migrated " + database.name());
      return new BenchmarkMain(settings, database, adapters, codec).measureAll();
    }
  }

  private Report measureAll() throws Exception {
    Report report = new Report(Instant.now(), machine(), settings);
    measureCreations(report);
    RelayBenchmark relay =
        new RelayBenchmark(database, adapters, codec, ids, clock, tenantId, actorId);
    measureRelay(relay, report);
    report.setLoadAfter(loadAverage());
    report.set(profile(relay));
    return report;
  }

  /** Measures the six creation workloads in turn, round after round, at each concurrency. */
  private void measureCreations(Report report) throws Exception {
    CreateNode withOutbox = createNode(adapters, adapters.outbox());
    CreateNode withoutOutbox = createNode(adapters, new DiscardingOutbox(adapters.unitOfWork()));
    List<NodeCreation> workloads =
        List.of(
            new UseCaseCreation(withOutbox, tenantId, actorId),
            new UseCaseCreation(withoutOutbox, tenantId, actorId),
            rawCreation(true, true),
            rawCreation(false, true),
            rawCreation(true, false),
            rawCreation(false, false));
    progress("Warming up each creation workload for " + settings.warmUp().toSeconds() + " s");
    for (NodeCreation workload : workloads) {
      resetTables();
      ConcurrentRun.measure(
          workload, CLIENTS[CLIENTS.length - 1], Duration.ZERO, settings.warmUp());
    }

    for (int clients : CLIENTS) {
      List<List<Rate>> rates = new ArrayList<>();
      workloads.forEach(workload -> rates.add(new ArrayList<>()));
      for (int round = 1; round <= settings.rounds(); round++) {
        for (int index = 0; index < workloads.size(); index++) {
          Rate rate = creations(WORKLOAD_LABELS[index], workloads.get(index), clients, round);
          rates.get(index).add(rate);
          if (index == USE_CASE_WITH_OUTBOX) {
            useCasePayloadBytes = meanPayloadBytes();
          } else if (index == RAW_WITH_OUTBOX_ROW) {
            rawPayloadBytes = meanPayloadBytes();
          }
        }
      }
      report.add(
          new Report.Creation(
              clients,
              new Series(rates.get(0)),
              new Series(rates.get(1)),
              new Series(rates.get(2)),
              new Series(rates.get(3)),
              new Series(rates.get(4)),
              new Series(rates.get(5))));
    }
  }

  /**
   * Measures the six one-drainer drains in turn, round after round, at each batch size, and the
   * drain with two drainers at {@link #TWO_DRAINER_BATCH}. The drains whose ratios the report gives
   * run next to each other within a round.
   */
  private void measureRelay(RelayBenchmark relay, Report report) throws Exception {
    progress("Warming up the relay drains");
    for (int[] batch : RELAY_WARM_UP) {
      relay.relayDrain(batch[0], batch[1], 1);
      relay.rawSqlOverlapped(batch[0], batch[1], false);
      relay.rawSqlOverlapped(batch[0], batch[1], true);
      relay.relayRunOnce(batch[0], batch[1]);
      relay.rawSql(batch[0], batch[1], false);
      relay.rawSql(batch[0], batch[1], true);
    }

    for (int[] batch : RELAY_BATCHES) {
      int batchSize = batch[0];
      int events = batch[1];
      List<Rate> drainRates = new ArrayList<>();
      List<Rate> overlappedRates = new ArrayList<>();
      List<Rate> overlappedDecodingRates = new ArrayList<>();
      List<Rate> runOnceRates = new ArrayList<>();
      List<Rate> rawRates = new ArrayList<>();
      List<Rate> decodingRates = new ArrayList<>();
      List<Rate> twoDrainerRates = new ArrayList<>();
      for (int round = 1; round <= settings.rounds(); round++) {
        drainRates.add(
            drained(
                "(e) RelayOutbox.drain", batchSize, round, relay.relayDrain(batchSize, events, 1)));
        overlappedRates.add(
            drained(
                "(f2) raw SQL, marking overlapped",
                batchSize,
                round,
                relay.rawSqlOverlapped(batchSize, events, false)));
        overlappedDecodingRates.add(
            drained(
                "(g2) raw SQL + decoding, marking overlapped",
                batchSize,
                round,
                relay.rawSqlOverlapped(batchSize, events, true)));
        runOnceRates.add(
            drained(
                "(e0) RelayOutbox.runOnce",
                batchSize,
                round,
                relay.relayRunOnce(batchSize, events)));
        rawRates.add(
            drained(
                "(f) raw SQL, one thread",
                batchSize,
                round,
                relay.rawSql(batchSize, events, false)));
        decodingRates.add(
            drained(
                "(g) raw SQL + decoding, one thread",
                batchSize,
                round,
                relay.rawSql(batchSize, events, true)));
        if (batchSize == TWO_DRAINER_BATCH) {
          twoDrainerRates.add(
              drained(
                  "(h) RelayOutbox.drain, 2 drainers",
                  batchSize,
                  round,
                  relay.relayDrain(batchSize, events, 2)));
        }
      }
      if (!twoDrainerRates.isEmpty()) {
        report.set(new Report.TwoDrainers(batchSize, events, new Series(twoDrainerRates)));
      }
      report.add(
          new Report.Relay(
              batchSize,
              events,
              new Series(drainRates),
              new Series(overlappedRates),
              new Series(overlappedDecodingRates),
              new Series(runOnceRates),
              new Series(rawRates),
              new Series(decodingRates)));
    }
  }

  private Rate creations(String label, NodeCreation creation, int clients, int round)
      throws Exception {
    resetTables();
    Rate rate = ConcurrentRun.measure(creation, clients, SETTLE, settings.measurement());
    progress(
        String.format(
            Locale.ROOT,
            "%s, %d clients, round %d: %,.0f nodes/s",
            label,
            clients,
            round,
            rate.perSecond()));
    return rate;
  }

  private void resetTables() throws SQLException {
    database.execute("TRUNCATE nodes, node_translations, node_bodies, sys_events");
    database.execute("CHECKPOINT");
  }

  private static Rate drained(String label, int batchSize, int round, Rate rate) {
    progress(
        String.format(
            Locale.ROOT,
            "%s, batch %d, round %d: %,d events in %d ms, %,.0f events/s",
            label,
            batchSize,
            round,
            rate.operations(),
            rate.elapsed().toMillis(),
            rate.perSecond()));
    return rate;
  }

  /** Counts statements and times the codec, outside the timed figures above. */
  private Report.Profile profile(RelayBenchmark relay) throws SQLException {
    progress("Counting statements and timing the JSON codec");
    StatementCounter counter = new StatementCounter();
    JooqAdapters counted = JooqAdapters.using(counter.wrap(adapters.dataSource()), codec);

    UseCaseCreation creation =
        new UseCaseCreation(createNode(counted, counted.outbox()), tenantId, actorId);
    int profileClient = CLIENTS[CLIENTS.length - 1] + 1;
    for (int i = 0; i < PROFILE_CREATIONS; i++) {
      creation.create(profileClient, i);
    }
    double statementsPerCreation = counter.total() / (double) PROFILE_CREATIONS;
    double requestsPerCreation = counter.requests() / (double) PROFILE_CREATIONS;

    relay.refill(PROFILE_RELAY_EVENTS);
    RelayOutbox countedRelay =
        new RelayOutbox(
            counted.outbox(),
            new DiscardingTransport(),
            RelayBenchmark.settings(100),
            RandomGenerator.of("L64X128MixRandom"));
    long relayStatements = 0;
    int passes = 0;
    while (true) {
      counter.reset();
      RelayRun run = countedRelay.runOnce();
      if (run.claimed() == 0) {
        break;
      }
      relayStatements += counter.total();
      passes++;
    }

    List<EventEnvelope> envelopes = new ArrayList<>(PROFILE_CODEC_EVENTS);
    for (int i = 0; i < PROFILE_CODEC_EVENTS; i++) {
      envelopes.add(relay.envelope(i));
    }
    Rate encode = CodecCost.encode(codec, envelopes);
    relay.refill(PROFILE_CODEC_EVENTS);
    Rate decode = CodecCost.decode(codec, database.queryColumn("select payload from sys_events"));

    return new Report.Profile(
        statementsPerCreation,
        requestsPerCreation,
        relayStatements / (double) passes,
        useCasePayloadBytes,
        rawPayloadBytes,
        encode,
        decode);
  }

  private CreateNode createNode(JooqAdapters storage, EventOutbox outbox) {
    EventPublisher events = new EventPublisher(storage.unitOfWork(), outbox, ids, clock, () -> {});
    return new CreateNode(storage.unitOfWork(), storage.nodes(), events, ids, clock);
  }

  private NodeCreation rawCreation(boolean withOutboxRow, boolean oneRequest) {
    return new RawSqlCreation(
        adapters.dataSource(),
        tenantId.value(),
        actorId.value(),
        ids,
        clock,
        withOutboxRow,
        oneRequest);
  }

  private long meanPayloadBytes() throws SQLException {
    return database.queryLong(
        "select coalesce(avg(pg_column_size(payload)), 0)::bigint" + " from sys_events");
  }

  private String machine() throws SQLException {
    return String.format(
        Locale.ROOT,
        "Machine: %d available processors, Java %s (%s), %s, synchronous_commit=%s,"
            + " shared_buffers=%s. Client and server run on the same machine over loopback,"
            + " with a pool of %d connections. Load average (1, 5, 15 min) at the start: %s.",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        System.getProperty("java.vm.name"),
        database.queryText("select split_part(version(), ' on ', 1)"),
        database.queryText("show synchronous_commit"),
        database.queryText("show shared_buffers"),
        POOL_SIZE,
        loadAverage());
  }

  /** Returns the first three fields of {@code /proc/loadavg}, or "unknown" where it is missing. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
      return String.join(", ", Arrays.copyOf(fields, 3));
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static void progress(String message) {
    System.err.println(message);
  }
}
