package io.rustok.core.domain.outbox;

import io.rustok.core.domain.event.EventId;
import java.util.Map;

/** Outcome of delivering one batch: the events that failed, with an error for each. */
public record DeliveryReport(Map<EventId, String> failures) {
  private static final DeliveryReport ALL_DELIVERED = new DeliveryReport(Map.of());

  public DeliveryReport {
    failures = Map.copyOf(failures);
  }

  public static DeliveryReport allDelivered() {
    return ALL_DELIVERED;
  }

  public boolean failed(EventId id) {
    return failures.containsKey(id);
  }
}
