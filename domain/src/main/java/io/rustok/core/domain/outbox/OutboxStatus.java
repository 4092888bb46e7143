package io.rustok.core.domain.outbox;

import io.rustok.core.domain.shared.ValidationException;
import java.util.Locale;

/** Delivery state of a stored event. {@code FAILED} is the dead-letter state. */
public enum OutboxStatus {
  PENDING,
  DISPATCHED,
  FAILED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OutboxStatus parse(String text, String field) {
    for (OutboxStatus status : values()) {
      if (status.wireName().equals(text)) {
        return status;
      }
    }
    throw new ValidationException(field, "must be pending, dispatched or failed");
  }
}
