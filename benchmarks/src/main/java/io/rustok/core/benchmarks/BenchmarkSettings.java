package io.rustok.core.benchmarks;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of a benchmark run, read from environment variables.
 *
 * @param serverUrl JDBC URL of a PostgreSQL server on which the run may create and drop a database;
 *     its user must be allowed to run {@code CREATE DATABASE} and {@code CHECKPOINT}
 * @param measurement how long each creation workload is timed in each round
 * @param warmUp how long each creation workload runs untimed once, before the first round
 * @param rounds how many times every workload is measured; the report gives the median
 */
record BenchmarkSettings(String serverUrl, Duration measurement, Duration warmUp, int rounds) {
  static final String URL_VARIABLE = "RUSTOK_BENCH_DATABASE_URL";
  static final String SECONDS_VARIABLE = "RUSTOK_BENCH_SECONDS";
  static final String WARM_UP_SECONDS_VARIABLE = "RUSTOK_BENCH_WARMUP_SECONDS";
  static final String ROUNDS_VARIABLE = "RUSTOK_BENCH_ROUNDS";
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  /**
   * Reads the settings from the environment, with defaults for what is unset.
   *
   * @throws IllegalArgumentException if a variable is set to anything but a positive whole number
   */
  static BenchmarkSettings from(Map<String, String> environment) {
    String url = environment.getOrDefault(URL_VARIABLE, "").strip();
    return new BenchmarkSettings(
        url.isEmpty() ? DEFAULT_URL : url,
        Duration.ofSeconds(positive(environment, SECONDS_VARIABLE, 5)),
        Duration.ofSeconds(positive(environment, WARM_UP_SECONDS_VARIABLE, 3)),
        positive(environment, ROUNDS_VARIABLE, 3));
  }

  private static int positive(Map<String, String> environment, String name, int fallback) {
    String text = environment.getOrDefault(name, "").strip();
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below with the same message as a number that is too small.
    }
    throw new IllegalArgumentException(
        name + " must be a whole number, at least 1, but is '" + text + "'");
  }
}
