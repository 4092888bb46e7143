package io.rustok.core.domain.outbox;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.shared.Require;
import java.util.Optional;

/**
 * A stored event held by one claim until its lease expires.
 *
 * @param attempts delivery attempts already made before this claim
 * @param envelope the decoded event, or empty if the stored payload could not be read by this
 *     version of the code (an unknown type or schema version, or a damaged payload)
 * @param unreadableReason why the payload could not be read; present exactly when {@code envelope}
 *     is empty
 */
public record ClaimedEvent(
    EventId id,
    String eventType,
    int schemaVersion,
    ClaimToken claimToken,
    int attempts,
    Optional<EventEnvelope> envelope,
    Optional<String> unreadableReason) {
  public ClaimedEvent {
    Require.notNull(id, "id");
    Require.notNull(claimToken, "claimToken");
    Require.notNull(envelope, "envelope");
    Require.notNull(unreadableReason, "unreadableReason");
    if (envelope.isPresent() == unreadableReason.isPresent()) {
      throw new IllegalArgumentException("exactly one of envelope and unreadableReason is needed");
    }
  }

  public static ClaimedEvent readable(EventEnvelope envelope, ClaimToken token, int attempts) {
    return new ClaimedEvent(
        envelope.eventId(),
        envelope.eventType(),
        envelope.schemaVersion(),
        token,
        attempts,
        Optional.of(envelope),
        Optional.empty());
  }

  public static ClaimedEvent unreadable(
      EventId id, String eventType, int schemaVersion, ClaimToken token, int attempts, String why) {
    return new ClaimedEvent(
        id, eventType, schemaVersion, token, attempts, Optional.empty(), Optional.of(why));
  }
}
