package io.rustok.core.domain.outbox;

import io.rustok.core.domain.event.EventEnvelope;
import java.util.List;

/**
 * Where the relay delivers stored events: a message broker, a log, a test recorder.
 *
 * <p>Only the relay calls a transport, after the events have committed. A transport never takes
 * part in a unit of work, and use cases cannot reach it, so no event is ever sent for a change that
 * did not commit.
 *
 * <p>Shown by {@code ArchitectureTest#onlyTheRelayCallsTheTransport}, {@code
 * ArchitectureTest#transportRuleCatchesAUseCaseThatDelivers} and {@code
 * OutboxStoreContract#rolledBackEventsAreNeverClaimed}.
 */
public interface EventTransport {
  /**
   * Delivers a batch in order. Throwing counts as a failure of every event in the batch.
   *
   * <p>Shown by {@code EndToEndTest#nodeLifecycleDeliversExactlyTheExpectedEventsInOrder}, {@code
   * RelayOutboxTest#deliveredEventsAreMarkedDispatched}, {@code
   * RelayOutboxTest#failingEventIsRetriedWithGrowingDelaysThenParkedWhileOthersFlow} and {@code
   * RelayOutboxTest#transportThatThrowsFailsTheWholeBatchForRetry}.
   *
   * @return the events that failed, each with its error; the others count as delivered
   */
  DeliveryReport deliver(List<EventEnvelope> batch);
}
