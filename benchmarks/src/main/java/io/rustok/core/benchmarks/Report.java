package io.rustok.core.benchmarks;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run and the ratios between them, printed as Markdown tables. */
final class Report {
  /** Node creations per second of the four creation workloads at one concurrency. */
  record Creation(
      int clients,
      Series useCaseWithOutbox,
      Series useCaseWithoutOutbox,
      Series rawWithOutboxRow,
      Series rawWithoutOutboxRow) {}

  /** Drain rates at one batch size. */
  record Relay(int batchSize, int events, Series relay, Series rawSql, Series rawSqlWithDecoding) {}

  /** Drain rate of two relays draining one outbox together, each on its own thread. */
  record TwoDrainers(int batchSize, int events, Series relay) {}

  /**
   * Statement counts, payload sizes and codec timings that show where the time of one creation and
   * one relay pass goes.
   *
   * @param statementsPerCreation statements the use case sends per node, with the outbox
   * @param statementsPerRelayPass statements the relay sends per pass that claimed events
   * @param useCasePayloadBytes mean stored size of an outbox payload written by the use case
   * @param rawPayloadBytes mean stored size of an outbox payload written by the plain JDBC side
   */
  record Profile(
      double statementsPerCreation,
      double statementsPerRelayPass,
      long useCasePayloadBytes,
      long rawPayloadBytes,
      Rate encode,
      Rate decode) {}

  private final Instant startedAt;
  private final String machine;
  private final BenchmarkSettings settings;
  private final List<Creation> creations = new ArrayList<>();
  private final List<Relay> relays = new ArrayList<>();
  private Profile profile;
  private TwoDrainers twoDrainers;

  private String loadAfter = "";

  Report(Instant startedAt, String machine, BenchmarkSettings settings) {
    this.startedAt = startedAt;
    this.machine = machine;
    this.settings = settings;
  }

  void add(Creation creation) {
    creations.add(creation);
  }

  void add(Relay relay) {
    relays.add(relay);
  }

  void set(Profile profile) {
    this.profile = profile;
  }

  void set(TwoDrainers twoDrainers) {
    this.twoDrainers = twoDrainers;
  }

  /** Records the machine's load when the measurements ended, such as {@code /proc/loadavg}. */
  void setLoadAfter(String load) {
    this.loadAfter = load;
  }

  void print(PrintStream out) {
    out.println("# RusToK Core benchmark, " + startedAt.truncatedTo(ChronoUnit.SECONDS));
    out.println();
    out.println(machine);
    if (!loadAfter.isEmpty()) {
      out.println("Load average (1, 5, 15 min) when the measurements ended: " + loadAfter + ".");
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "Each figure is the median of %d rounds, with the slowest and fastest round in brackets."
            + " Each ratio is the median of the ratios within a round.%n%n",
        settings.rounds());
    printCreationRates(out);
    printCreationRatios(out);
    printCreationCpu(out);
    printRelayRates(out);
    if (twoDrainers != null) {
      printTwoDrainers(out);
    }
    printRelayCpu(out);
    if (profile != null) {
      printProfile(out);
    }
  }

  private void printCreationRates(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "## Node creation, nodes per second (%d s timed per round)%n%n",
        settings.measurement().toSeconds());
    out.println(
        "| clients | (a) use case with outbox | (b) use case without outbox"
            + " | (c) raw SQL with outbox row | (d) raw SQL without outbox row |");
    out.println("|---:|---:|---:|---:|---:|");
    for (Creation row : creations) {
      out.printf(
          Locale.ROOT,
          "| %d | %s | %s | %s | %s |%n",
          row.clients(),
          rate(row.useCaseWithOutbox()),
          rate(row.useCaseWithoutOutbox()),
          rate(row.rawWithOutboxRow()),
          rate(row.rawWithoutOutboxRow()));
    }
    out.println();
  }

  private void printCreationRatios(PrintStream out) {
    out.println(
        "| clients | outbox append cost, 1 - a/b | use case / raw SQL, a/c"
            + " | without outbox, b/d | outbox row cost in raw SQL, 1 - c/d |");
    out.println("|---:|---:|---:|---:|---:|");
    for (Creation row : creations) {
      out.printf(
          Locale.ROOT,
          "| %d | %s | %s | %s | %s |%n",
          row.clients(),
          percent(1 - row.useCaseWithOutbox().medianRatioTo(row.useCaseWithoutOutbox())),
          ratio(row.useCaseWithOutbox().medianRatioTo(row.rawWithOutboxRow())),
          ratio(row.useCaseWithoutOutbox().medianRatioTo(row.rawWithoutOutboxRow())),
          percent(1 - row.rawWithOutboxRow().medianRatioTo(row.rawWithoutOutboxRow())));
    }
    out.println();
  }

  private void printCreationCpu(PrintStream out) {
    out.println("Client CPU time per creation, µs (median of the rounds):");
    out.println();
    out.println("| clients | (a) | (b) | (c) | (d) |");
    out.println("|---:|---:|---:|---:|---:|");
    for (Creation row : creations) {
      out.printf(
          Locale.ROOT,
          "| %d | %s | %s | %s | %s |%n",
          row.clients(),
          micros(row.useCaseWithOutbox().medianCpuMicros()),
          micros(row.useCaseWithoutOutbox().medianCpuMicros()),
          micros(row.rawWithOutboxRow().medianCpuMicros()),
          micros(row.rawWithoutOutboxRow().medianCpuMicros()));
    }
    out.println();
  }

  private void printRelayRates(PrintStream out) {
    out.println("## Relay drain, events per second (one drainer, transport that does nothing)");
    out.println();
    out.println(
        "| batch | events | (e) RelayOutbox.runOnce | (f) raw claim-and-complete SQL"
            + " | (g) raw SQL + JSON decoding | relay / raw, e/f | relay / (raw + decoding), e/g |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|");
    for (Relay row : relays) {
      out.printf(
          Locale.ROOT,
          "| %d | %d | %s | %s | %s | %s | %s |%n",
          row.batchSize(),
          row.events(),
          rate(row.relay()),
          rate(row.rawSql()),
          rate(row.rawSqlWithDecoding()),
          ratio(row.relay().medianRatioTo(row.rawSql())),
          ratio(row.relay().medianRatioTo(row.rawSqlWithDecoding())));
    }
    out.println();
  }

  private void printTwoDrainers(PrintStream out) {
    Relay single =
        relays.stream()
            .filter(relay -> relay.batchSize() == twoDrainers.batchSize())
            .findFirst()
            .orElseThrow();
    out.printf(
        Locale.ROOT,
        "With two drainers, (h) two RelayOutbox threads on one outbox at batch %d drained %s"
            + " events per second, with (h) / (e) = %s and (h) / (f) = %s.%n%n",
        twoDrainers.batchSize(),
        rate(twoDrainers.relay()),
        ratio(twoDrainers.relay().medianRatioTo(single.relay())),
        ratio(twoDrainers.relay().medianRatioTo(single.rawSql())));
  }

  private void printRelayCpu(PrintStream out) {
    out.println("Drainer CPU time per event, µs (median of the rounds):");
    out.println();
    out.println("| batch | (e) | (f) | (g) |");
    out.println("|---:|---:|---:|---:|");
    for (Relay row : relays) {
      out.printf(
          Locale.ROOT,
          "| %d | %s | %s | %s |%n",
          row.batchSize(),
          micros(row.relay().medianCpuMicros()),
          micros(row.rawSql().medianCpuMicros()),
          micros(row.rawSqlWithDecoding().medianCpuMicros()));
    }
    out.println();
  }

  private void printProfile(PrintStream out) {
    out.println("## Where the time goes");
    out.println();
    out.println("| measure | value |");
    out.println("|---|---:|");
    out.printf(
        Locale.ROOT,
        "| statements per creation through the use case, with outbox | %.2f |%n",
        profile.statementsPerCreation());
    out.printf(
        Locale.ROOT,
        "| statements per relay pass that claimed events (batch 100) | %.2f |%n",
        profile.statementsPerRelayPass());
    out.printf(
        Locale.ROOT,
        "| stored outbox payload, use case / raw SQL, bytes | %d / %d |%n",
        profile.useCasePayloadBytes(),
        profile.rawPayloadBytes());
    out.printf(
        Locale.ROOT,
        "| JSON encoding of one envelope, CPU time, no database | %.1f µs |%n",
        profile.encode().cpuMicrosEach());
    out.printf(
        Locale.ROOT,
        "| JSON decoding of one stored payload, CPU time, no database | %.1f µs |%n",
        profile.decode().cpuMicrosEach());
    out.println();
  }

  private static String rate(Series series) {
    return String.format(
        Locale.ROOT, "%,.0f (%,.0f-%,.0f)", series.median(), series.min(), series.max());
  }

  private static String micros(double value) {
    return String.format(Locale.ROOT, "%.0f", value);
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String percent(double value) {
    return String.format(Locale.ROOT, "%.1f %%", value * 100);
  }
}
