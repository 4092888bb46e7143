package io.rustok.core.benchmarks;

import io.rustok.core.adapters.jooq.EnvelopeCodec;
import io.rustok.core.adapters.jooq.UnreadablePayloadException;
import io.rustok.core.domain.event.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the JSON codec alone, on one thread, with no database: encoding envelopes as the outbox
 * append does, and decoding payloads as the relay's claim does. Each pass runs twice and the second
 * is timed, so the first warms the code up.
 */
final class CodecCost {
  private CodecCost() {}

  /** Returns the rate of encoding every envelope. */
  static Rate encode(EnvelopeCodec codec, List<EventEnvelope> envelopes) {
    List<String> sink = new ArrayList<>(envelopes.size());
    long nanos = 0;
    long cpuNanos = 0;
    for (int pass = 0; pass < 2; pass++) {
      sink.clear();
      long start = System.nanoTime();
      long cpuAtStart = Rate.threadCpuNanos();
      for (EventEnvelope envelope : envelopes) {
        sink.add(codec.encode(envelope));
      }
      cpuNanos = Rate.threadCpuNanos() - cpuAtStart;
      nanos = System.nanoTime() - start;
    }
    return new Rate(sink.size(), Duration.ofNanos(nanos), Duration.ofNanos(cpuNanos));
  }

  /**
   * Returns the rate of decoding every payload.
   *
   * @throws IllegalStateException if a payload cannot be decoded
   */
  static Rate decode(EnvelopeCodec codec, List<String> payloads) {
    List<EventEnvelope> sink = new ArrayList<>(payloads.size());
    long nanos = 0;
    long cpuNanos = 0;
    for (int pass = 0; pass < 2; pass++) {
      sink.clear();
      long start = System.nanoTime();
      long cpuAtStart = Rate.threadCpuNanos();
      for (String payload : payloads) {
        try {
          sink.add(codec.decode(payload));
        } catch (UnreadablePayloadException e) {
          throw new IllegalStateException("A stored payload is unreadable: " + e.getMessage(), e);
        }
      }
      cpuNanos = Rate.threadCpuNanos() - cpuAtStart;
      nanos = System.nanoTime() - start;
    }
    return new Rate(sink.size(), Duration.ofNanos(nanos), Duration.ofNanos(cpuNanos));
  }
}
