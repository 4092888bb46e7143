package io.rustok.core.bootstrap;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.outbox.DeliveryReport;
import io.rustok.core.domain.outbox.EventTransport;
import io.rustok.core.json.EventEnvelopeCodec;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Default transport: writes each delivered event as one JSON line to the {@code rustok.events}
 * logger at INFO, so a service with no broker still shows what it would publish.
 */
public final class LogEventTransport implements EventTransport {
  private static final Logger events = LoggerFactory.getLogger("rustok.events");

  private final EventEnvelopeCodec codec;

  public LogEventTransport(EventEnvelopeCodec codec) {
    this.codec = codec;
  }

  @Override
  public DeliveryReport deliver(List<EventEnvelope> batch) {
    for (EventEnvelope envelope : batch) {
      events.info(codec.encode(envelope));
    }
    return DeliveryReport.allDelivered();
  }
}
