package io.rustok.core.json;

/**
 * A stored or received event that this version of the code cannot read: malformed JSON, a missing
 * or invalid field, or an event type or schema version it does not know. The message is the reason,
 * fit to be stored as the event's last error.
 */
public final class UnreadableEventException extends Exception {
  public UnreadableEventException(String reason) {
    super(reason);
  }

  public UnreadableEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
