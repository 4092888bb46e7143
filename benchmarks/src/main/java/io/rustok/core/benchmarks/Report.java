package io.rustok.core.benchmarks;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run and the ratios between them, printed as Markdown tables. */
final class Report {
  /**
   * Node creations per second of the six creation workloads at one concurrency. The raw workloads
   * send their inserts in one request, as the use case does, except the two marked one by one.
   */
  record Creation(
      int clients,
      Series useCaseWithOutbox,
      Series useCaseWithoutOutbox,
      Series rawWithOutboxRow,
      Series rawWithoutOutboxRow,
      Series rawOneByOneWithOutboxRow,
      Series rawOneByOneWithoutOutboxRow) {}

  /**
   * Drain rates of one drainer at one batch size. The first three drains mark each batch on a
   * second thread while the next batch is claimed. The last three run every statement on one
   * thread.
   *
   * @param relayDrain {@code RelayOutbox.drain} with a marker thread, as the relay worker runs it
   * @param rawSqlOverlapped the same claim and mark statements on plain JDBC, marking overlapped
   * @param rawSqlOverlappedWithDecoding {@code rawSqlOverlapped}, also decoding every payload
   * @param relayRunOnce {@code RelayOutbox.runOnce} in a loop on one thread
   * @param rawSql the same claim and mark statements on plain JDBC, one after the other
   * @param rawSqlWithDecoding {@code rawSql}, also decoding every payload
   */
  record Relay(
      int batchSize,
      int events,
      Series relayDrain,
      Series rawSqlOverlapped,
      Series rawSqlOverlappedWithDecoding,
      Series relayRunOnce,
      Series rawSql,
      Series rawSqlWithDecoding) {}

  /**
   * Drain rate of two relays draining one outbox together, each calling {@code RelayOutbox.drain}
   * on its own thread with its own marker thread.
   */
  record TwoDrainers(int batchSize, int events, Series relayDrain) {}

  /**
   * Statement counts, payload sizes and codec timings that show where the time of one creation and
   * one relay pass goes.
   *
   * @param statementsPerCreation statements the use case sends per node, with the outbox
   * @param requestsPerCreation requests that carry them, the commit not counted
   * @param statementsPerRelayPass statements the relay sends per pass that claimed events
   * @param useCasePayloadBytes mean stored size of an outbox payload written by the use case
   * @param rawPayloadBytes mean stored size of an outbox payload written by the plain JDBC side
   */
  record Profile(
      double statementsPerCreation,
      double requestsPerCreation,
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
    printRelayRatios(out);
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
        "(a) to (d) send a creation's inserts in one request and then commit. (c1) and (d1) send"
            + " the same inserts one request each, as the use case did before it queued them.");
    out.println();
    out.println(
        "| clients | (a) use case with outbox | (b) use case without outbox"
            + " | (c) raw SQL with outbox row | (d) raw SQL without outbox row"
            + " | (c1) raw SQL with outbox row, one request per insert"
            + " | (d1) raw SQL without outbox row, one request per insert |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|");
    for (Creation row : creations) {
      out.printf(
          Locale.ROOT,
          "| %d | %s | %s | %s | %s | %s | %s |%n",
          row.clients(),
          rate(row.useCaseWithOutbox()),
          rate(row.useCaseWithoutOutbox()),
          rate(row.rawWithOutboxRow()),
          rate(row.rawWithoutOutboxRow()),
          rate(row.rawOneByOneWithOutboxRow()),
          rate(row.rawOneByOneWithoutOutboxRow()));
    }
    out.println();
  }

  private void printCreationRatios(PrintStream out) {
    out.println(
        "| clients | outbox append cost, 1 - a/b | use case / raw SQL, a/c"
            + " | without outbox, b/d | outbox row cost in raw SQL, 1 - c/d"
            + " | outbox row cost, one request per insert, 1 - c1/d1"
            + " | gain of one request, c/c1 |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|");
    for (Creation row : creations) {
      out.printf(
          Locale.ROOT,
          "| %d | %s | %s | %s | %s | %s | %s |%n",
          row.clients(),
          percent(1 - row.useCaseWithOutbox().medianRatioTo(row.useCaseWithoutOutbox())),
          ratio(row.useCaseWithOutbox().medianRatioTo(row.rawWithOutboxRow())),
          ratio(row.useCaseWithoutOutbox().medianRatioTo(row.rawWithoutOutboxRow())),
          percent(1 - row.rawWithOutboxRow().medianRatioTo(row.rawWithoutOutboxRow())),
          percent(
              1 - row.rawOneByOneWithOutboxRow().medianRatioTo(row.rawOneByOneWithoutOutboxRow())),
          ratio(row.rawWithOutboxRow().medianRatioTo(row.rawOneByOneWithOutboxRow())));
    }
    out.println();
  }

  private void printCreationCpu(PrintStream out) {
    out.println("Client CPU time per creation, µs (median of the rounds):");
    out.println();
    out.println("| clients | (a) | (b) | (c) | (d) | (c1) | (d1) |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|");
    for (Creation row : creations) {
      out.printf(
          Locale.ROOT,
          "| %d | %s | %s | %s | %s | %s | %s |%n",
          row.clients(),
          micros(row.useCaseWithOutbox().medianCpuMicros()),
          micros(row.useCaseWithoutOutbox().medianCpuMicros()),
          micros(row.rawWithOutboxRow().medianCpuMicros()),
          micros(row.rawWithoutOutboxRow().medianCpuMicros()),
          micros(row.rawOneByOneWithOutboxRow().medianCpuMicros()),
          micros(row.rawOneByOneWithoutOutboxRow().medianCpuMicros()));
    }
    out.println();
  }

  private void printRelayRates(PrintStream out) {
    out.println("## Relay drain, events per second (one drainer, transport that does nothing)");
    out.println();
    out.println(
        "(e), (f2) and (g2) overlap: a second thread marks batch N dispatched while batch N + 1 is"
            + " claimed, with at most one marking in flight, as the relay worker runs"
            + " `RelayOutbox.drain`. (e0), (f) and (g) run each batch's claim and mark one after"
            + " the other on one thread. (f), (f2), (g) and (g2) send the relay's claim and mark"
            + " statements on plain JDBC, and (g) and (g2) also decode every claimed payload.");
    out.println();
    out.println(
        "| batch | events | (e) RelayOutbox.drain, marking overlapped"
            + " | (f2) raw SQL, marking overlapped | (g2) raw SQL + JSON decoding, marking overlapped"
            + " | (e0) RelayOutbox.runOnce, one thread | (f) raw SQL, one thread"
            + " | (g) raw SQL + JSON decoding, one thread |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Relay row : relays) {
      out.printf(
          Locale.ROOT,
          "| %d | %d | %s | %s | %s | %s | %s | %s |%n",
          row.batchSize(),
          row.events(),
          rate(row.relayDrain()),
          rate(row.rawSqlOverlapped()),
          rate(row.rawSqlOverlappedWithDecoding()),
          rate(row.relayRunOnce()),
          rate(row.rawSql()),
          rate(row.rawSqlWithDecoding()));
    }
    out.println();
  }

  private void printRelayRatios(PrintStream out) {
    out.println(
        "| batch | relay drain / raw overlapped, e/f2"
            + " | relay drain / (raw overlapped + decoding), e/g2"
            + " | runOnce / raw one thread, e0/f | overlap gain of the relay, e/e0"
            + " | overlap gain of raw SQL, f2/f |");
    out.println("|---:|---:|---:|---:|---:|---:|");
    for (Relay row : relays) {
      out.printf(
          Locale.ROOT,
          "| %d | %s | %s | %s | %s | %s |%n",
          row.batchSize(),
          ratio(row.relayDrain().medianRatioTo(row.rawSqlOverlapped())),
          ratio(row.relayDrain().medianRatioTo(row.rawSqlOverlappedWithDecoding())),
          ratio(row.relayRunOnce().medianRatioTo(row.rawSql())),
          ratio(row.relayDrain().medianRatioTo(row.relayRunOnce())),
          ratio(row.rawSqlOverlapped().medianRatioTo(row.rawSql())));
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
        "With two drainers, (h) two threads on one outbox at batch %d, each calling"
            + " RelayOutbox.drain with its own marker thread, drained %s events per second,"
            + " with (h) / (e) = %s and (h) / (f2) = %s.%n%n",
        twoDrainers.batchSize(),
        rate(twoDrainers.relayDrain()),
        ratio(twoDrainers.relayDrain().medianRatioTo(single.relayDrain())),
        ratio(twoDrainers.relayDrain().medianRatioTo(single.rawSqlOverlapped())));
  }

  private void printRelayCpu(PrintStream out) {
    out.println(
        "Drainer CPU time per event, µs (median of the rounds). For (e), (f2) and (g2) it includes"
            + " the CPU time of the second thread that marks the batches:");
    out.println();
    out.println("| batch | (e) | (f2) | (g2) | (e0) | (f) | (g) |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|");
    for (Relay row : relays) {
      out.printf(
          Locale.ROOT,
          "| %d | %s | %s | %s | %s | %s | %s |%n",
          row.batchSize(),
          micros(row.relayDrain().medianCpuMicros()),
          micros(row.rawSqlOverlapped().medianCpuMicros()),
          micros(row.rawSqlOverlappedWithDecoding().medianCpuMicros()),
          micros(row.relayRunOnce().medianCpuMicros()),
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
        "| requests that carry them, commit not counted | %.2f |%n",
        profile.requestsPerCreation());
    out.printf(
        Locale.ROOT,
        "| statements per RelayOutbox.runOnce pass that claimed events (batch 100) | %.2f |%n",
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
