package io.rustok.core.domain.outbox;

import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.shared.Require;

/**
 * A stored event whose payload this version of the code cannot read: an unknown type or schema
 * version, or a damaged payload. The relay parks such an event as failed with the same reason.
 */
public final class UnreadableStoredEventException extends RuntimeException {
  private final EventId eventId;
  private final String reason;

  public UnreadableStoredEventException(EventId eventId, String reason) {
    super("stored event " + eventId + " cannot be read: " + reason);
    this.eventId = Require.notNull(eventId, "eventId");
    this.reason = Require.notNull(reason, "reason");
  }

  public EventId eventId() {
    return eventId;
  }

  /** Why the payload cannot be read, as the relay records it. */
  public String reason() {
    return reason;
  }
}
