package io.rustok.core.domain.event;

import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.Uuids;
import io.rustok.core.domain.shared.ValidationException;
import java.util.UUID;

/** Identifier of one event; a UUID version 7, so ids sort by the time they were made. */
public record EventId(UUID value) {
  public EventId {
    Require.notNull(value, "value");
  }

  /** Parses the canonical UUID text form; anything else is a {@link ValidationException}. */
  public static EventId parse(String text, String field) {
    return new EventId(Uuids.parse(text, field));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
