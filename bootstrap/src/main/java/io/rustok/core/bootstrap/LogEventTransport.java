package io.rustok.core.bootstrap;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.outbox.DeliveryReport;
import io.rustok.core.domain.outbox.EventTransport;
import io.rustok.core.json.CloudEventFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Default transport: writes each delivered event as one line to the {@code rustok.events} logger at
 * INFO, as a CloudEvent in the JSON format, so a service with no broker still shows what it would
 * publish and in the form it would publish it.
 */
public final class LogEventTransport implements EventTransport {
  private static final Logger events = LoggerFactory.getLogger("rustok.events");

  private final CloudEventFormat format;

  public LogEventTransport(CloudEventFormat format) {
    this.format = format;
  }

  @Override
  public DeliveryReport deliver(List<EventEnvelope> batch) {
    for (EventEnvelope envelope : batch) {
      events.info(format.encode(envelope));
    }
    return DeliveryReport.allDelivered();
  }
}
