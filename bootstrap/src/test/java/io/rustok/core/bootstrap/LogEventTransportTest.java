package io.rustok.core.bootstrap;

import static io.rustok.core.testing.EnvelopeBuilder.anEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.outbox.DeliveryReport;
import io.rustok.core.json.CloudEventFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogEventTransportTest {
  private final LogEventTransport transport =
      new LogEventTransport(new CloudEventFormat(CloudEventFormat.DEFAULT_SOURCE));

  @Test
  void batchIsLoggedInOrder() {
    List<EventEnvelope> batch =
        List.of(anEnvelope().build(), anEnvelope().build(), anEnvelope().build());

    List<String> lines;
    DeliveryReport report;
    try (CapturedEventLog log = CapturedEventLog.attach()) {
      report = transport.deliver(batch);
      lines = log.lines();
    }

    assertThat(report).isEqualTo(DeliveryReport.allDelivered());
    assertThat(lines).hasSize(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      assertThat(lines.get(i)).contains("\"id\":\"" + batch.get(i).eventId().value() + "\"");
    }
  }
}
