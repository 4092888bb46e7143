package io.rustok.core.benchmarks;

import java.util.Arrays;
import java.util.List;

/** The rates of one workload in successive rounds of a run. */
record Series(List<Rate> rounds) {
  Series {
    rounds = List.copyOf(rounds);
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("rounds must not be empty");
    }
  }

  double median() {
    return medianOf(rounds.stream().mapToDouble(Rate::perSecond).toArray());
  }

  /** Returns the median over the rounds of the client CPU time per operation, in microseconds. */
  double medianCpuMicros() {
    return medianOf(rounds.stream().mapToDouble(Rate::cpuMicrosEach).toArray());
  }

  double min() {
    return rounds.stream().mapToDouble(Rate::perSecond).min().orElseThrow();
  }

  double max() {
    return rounds.stream().mapToDouble(Rate::perSecond).max().orElseThrow();
  }

  /**
   * Returns the median over the rounds of this series' rate divided by {@code other}'s rate in the
   * same round. Pairing rounds keeps a slow patch of the machine, which slows both workloads of a
   * round alike, out of the ratio.
   *
   * @throws IllegalArgumentException if the two series have different numbers of rounds
   */
  double medianRatioTo(Series other) {
    if (other.rounds.size() != rounds.size()) {
      throw new IllegalArgumentException(
          "Cannot pair " + rounds.size() + " rounds with " + other.rounds.size());
    }
    double[] ratios = new double[rounds.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = rounds.get(i).perSecond() / other.rounds.get(i).perSecond();
    }
    return medianOf(ratios);
  }

  private static double medianOf(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
