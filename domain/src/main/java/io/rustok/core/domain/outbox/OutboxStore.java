package io.rustok.core.domain.outbox;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Relay and operator side of the transactional outbox.
 *
 * <p>Claims are leases. {@link #claim} hands each due event to at most one caller until the lease
 * expires; when it expires (the relay died or stalled) the event becomes due again. Every method
 * that changes a claimed event is conditional on the claim token and returns false when the claim
 * is no longer current, which the caller must treat as "someone else owns this now". Delivery to a
 * transport happens between these calls with no transaction open.
 *
 * <p>"Now" is the store's own clock (the database's {@code now()} for PostgreSQL), so the clocks of
 * the machines running relays do not need to agree.
 */
public interface OutboxStore {
  /**
   * Claims up to {@code limit} due events, oldest first: pending events whose next attempt time has
   * come and whose previous lease, if any, has expired.
   */
  List<ClaimedEvent> claim(int limit, Duration lease);

  /**
   * Marks claimed events as dispatched.
   *
   * @return how many of them were still held by their claim and are now dispatched
   */
  int markDispatched(List<ClaimedEvent> events);

  /**
   * Records a failed attempt and makes the event due again after {@code delay}.
   *
   * @return false if the claim is no longer current
   */
  boolean retryLater(ClaimedEvent event, Duration delay, String error);

  /**
   * Records a failed attempt and parks the event as {@link OutboxStatus#FAILED} (dead letter).
   *
   * @return false if the claim is no longer current
   */
  boolean markFailed(ClaimedEvent event, String error);

  /**
   * Gives claimed events back without counting an attempt, so another claim can take them at once;
   * used when a relay stops in the middle of a batch.
   *
   * @return how many were still held and are now released
   */
  int release(List<ClaimedEvent> events);

  /**
   * Moves a failed event back to pending with its attempt count reset, so it is delivered again.
   *
   * @return false if there is no failed event with this id
   */
  boolean replay(EventId id);

  Optional<OutboxEntry> find(EventId id);

  /**
   * Returns the stored event with its payload, read at its type's current schema version: an event
   * stored at an older version comes back upcast, as the relay delivers it.
   *
   * @return empty if no event has this id
   * @throws UnreadableStoredEventException if this code cannot read the stored payload, for the
   *     reason that would make the relay park it
   */
  Optional<EventEnvelope> findEnvelope(EventId id);

  /** Lists stored events with the given status, newest first. */
  List<OutboxEntry> list(OutboxStatus status, int limit);

  OutboxStats stats();
}
