package io.rustok.core.adapters.inmemory;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.outbox.ClaimToken;
import io.rustok.core.domain.outbox.ClaimedEvent;
import io.rustok.core.domain.outbox.OutboxEntry;
import io.rustok.core.domain.outbox.OutboxStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of the in-memory outbox. Rows are immutable, so the undo journal can keep the row that a
 * change replaced and put it back on rollback.
 *
 * @param sequence position in append order, which is commit order because units run one at a time
 * @param attempts failed delivery attempts since the event was appended or last replayed
 * @param nextAttemptAt when the event is due; present exactly when the event is pending
 * @param claimToken token of the current claim; present exactly when {@code leaseExpiresAt} is
 */
record StoredEvent(
    long sequence,
    EventEnvelope envelope,
    OutboxStatus status,
    int attempts,
    Optional<String> lastError,
    Instant createdAt,
    Optional<Instant> dispatchedAt,
    Optional<Instant> nextAttemptAt,
    Optional<ClaimToken> claimToken,
    Optional<Instant> leaseExpiresAt) {

  static StoredEvent appended(long sequence, EventEnvelope envelope, Instant now) {
    return new StoredEvent(
        sequence,
        envelope,
        OutboxStatus.PENDING,
        0,
        Optional.empty(),
        now,
        Optional.empty(),
        Optional.of(now),
        Optional.empty(),
        Optional.empty());
  }

  EventId id() {
    return envelope.eventId();
  }

  /** Returns whether a claim at {@code now} may take this event. */
  boolean isDueAt(Instant now) {
    return status == OutboxStatus.PENDING
        && !nextAttemptAt.orElseThrow().isAfter(now)
        && leaseExpiresAt.map(expiry -> !expiry.isAfter(now)).orElse(true);
  }

  /** Returns whether {@code token} is the token of this event's current claim. */
  boolean isHeldBy(ClaimToken token) {
    return status == OutboxStatus.PENDING && claimToken.equals(Optional.of(token));
  }

  StoredEvent claimed(ClaimToken token, Instant leaseExpiry) {
    return new StoredEvent(
        sequence,
        envelope,
        status,
        attempts,
        lastError,
        createdAt,
        dispatchedAt,
        nextAttemptAt,
        Optional.of(token),
        Optional.of(leaseExpiry));
  }

  StoredEvent released() {
    return new StoredEvent(
        sequence,
        envelope,
        status,
        attempts,
        lastError,
        createdAt,
        dispatchedAt,
        nextAttemptAt,
        Optional.empty(),
        Optional.empty());
  }

  StoredEvent dispatched(Instant now) {
    return new StoredEvent(
        sequence,
        envelope,
        OutboxStatus.DISPATCHED,
        attempts,
        lastError,
        createdAt,
        Optional.of(now),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  StoredEvent retriedAt(Instant nextAttempt, String error) {
    return new StoredEvent(
        sequence,
        envelope,
        OutboxStatus.PENDING,
        attempts + 1,
        Optional.of(error),
        createdAt,
        dispatchedAt,
        Optional.of(nextAttempt),
        Optional.empty(),
        Optional.empty());
  }

  StoredEvent deadLettered(String error) {
    return new StoredEvent(
        sequence,
        envelope,
        OutboxStatus.FAILED,
        attempts + 1,
        Optional.of(error),
        createdAt,
        dispatchedAt,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Returns the event moved back to pending with no attempts, keeping its last error. */
  StoredEvent replayed(Instant now) {
    return new StoredEvent(
        sequence,
        envelope,
        OutboxStatus.PENDING,
        0,
        lastError,
        createdAt,
        dispatchedAt,
        Optional.of(now),
        Optional.empty(),
        Optional.empty());
  }

  ClaimedEvent toClaimed() {
    return ClaimedEvent.readable(envelope, claimToken.orElseThrow(), attempts);
  }

  OutboxEntry toEntry() {
    return new OutboxEntry(
        id(),
        envelope.eventType(),
        envelope.schemaVersion(),
        envelope.tenantId(),
        envelope.aggregateId(),
        status,
        attempts,
        lastError,
        createdAt,
        dispatchedAt,
        nextAttemptAt);
  }
}
