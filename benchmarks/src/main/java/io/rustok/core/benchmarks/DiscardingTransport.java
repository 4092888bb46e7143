package io.rustok.core.benchmarks;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.outbox.DeliveryReport;
import io.rustok.core.domain.outbox.EventTransport;
import java.util.List;

/** A transport that reports every event as delivered and sends nothing anywhere. */
final class DiscardingTransport implements EventTransport {
  @Override
  public DeliveryReport deliver(List<EventEnvelope> batch) {
    return DeliveryReport.allDelivered();
  }
}
