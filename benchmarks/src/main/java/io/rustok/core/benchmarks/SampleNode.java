package io.rustok.core.benchmarks;

import java.util.Map;

/**
 * The values of every node that the benchmark creates, the same for the use case and for the plain
 * JDBC statements: a draft {@code post} with an author, no parent, one {@code en} translation with
 * an excerpt, one body of {@value #BODY_LENGTH} characters and one metadata entry.
 */
final class SampleNode {
  static final String KIND = "post";
  static final String STATUS = "draft";
  static final String LOCALE = "en";
  static final String EXCERPT =
      "A node written by the benchmark, to measure how fast nodes are stored.";
  static final int BODY_LENGTH = 800;
  static final String BODY = body();
  static final Map<String, Object> METADATA = Map.of("source", "benchmark");

  /** {@link #METADATA} as JSON, as the repository writes it. */
  static final String METADATA_JSON = "{\"source\":\"benchmark\"}";

  private SampleNode() {}

  /** Returns the title of the {@code sequence}-th node of a client; every title differs. */
  static String title(int client, long sequence) {
    return "Benchmark node " + client + "-" + sequence;
  }

  /** Returns a slug that no other node of the run has, as the tenant's unique slugs require. */
  static String slug(int client, long sequence) {
    return "bench-" + client + "-" + sequence;
  }

  /** Returns the correlation id of the request that creates the {@code sequence}-th node. */
  static String correlationId(int client, long sequence) {
    return "bench-" + client + "-" + sequence;
  }

  private static String body() {
    String sentence = "Each node has a body per locale, stored as plain text in its own table. ";
    return sentence.repeat(BODY_LENGTH / sentence.length() + 1).substring(0, BODY_LENGTH);
  }
}
