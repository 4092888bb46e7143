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
 *
 * <p>Shown by {@code OutboxStoreContract#leasedEventIsNotClaimedTwice}, {@code
 * OutboxStoreContract#expiredLeaseMakesEventClaimableAgain}, {@code
 * OutboxStoreContract#staleClaimChangesNothing}, {@code
 * OutboxStoreContract#forgedTokenCannotComplete}, {@code
 * OutboxStoreContract#concurrentClaimersNeverShareAnEvent} and {@code
 * OutboxStoreContract#retriedEventIsNotDueBeforeItsDelay}.
 */
public interface OutboxStore {
  /**
   * Claims up to {@code limit} due events, oldest first: pending events whose next attempt time has
   * come and whose previous lease, if any, has expired. Events of a unit that rolled back are never
   * claimed.
   *
   * <p>Shown by {@code OutboxStoreContract#claimReturnsCommittedEventsOldestFirst}, {@code
   * OutboxStoreContract#claimOfEmptyStoreReturnsNothing}, {@code
   * OutboxStoreContract#claimTakesAtMostTheLimit}, {@code
   * OutboxStoreContract#rolledBackEventsAreNeverClaimed}, {@code
   * OutboxStoreContract#leasedEventIsNotClaimedTwice}, {@code
   * OutboxStoreContract#expiredLeaseMakesEventClaimableAgain} and {@code
   * OutboxStoreContract#retriedEventIsNotDueBeforeItsDelay}.
   */
  List<ClaimedEvent> claim(int limit, Duration lease);

  /**
   * Marks claimed events as dispatched.
   *
   * <p>Shown by {@code OutboxStoreContract#markDispatchedCompletesHeldEvents}, {@code
   * OutboxStoreContract#markDispatchedCountsEachEventOnce} and {@code
   * OutboxStoreContract#staleClaimChangesNothing}.
   *
   * @return how many of them were still held by their claim and are now dispatched
   */
  int markDispatched(List<ClaimedEvent> events);

  /**
   * Records a failed attempt and makes the event due again after {@code delay}.
   *
   * <p>Shown by {@code OutboxStoreContract#retryLaterRecordsFailedAttempt}, {@code
   * OutboxStoreContract#retriedEventIsNotDueBeforeItsDelay}, {@code
   * OutboxStoreContract#retryWithoutDelayIsDueAtOnce} and {@code
   * OutboxStoreContract#staleClaimChangesNothing}.
   *
   * @return false if the claim is no longer current
   */
  boolean retryLater(ClaimedEvent event, Duration delay, String error);

  /**
   * Records a failed attempt and parks the event as {@link OutboxStatus#FAILED} (dead letter).
   *
   * <p>Shown by {@code OutboxStoreContract#markFailedParksDeadLetter} and {@code
   * OutboxStoreContract#staleClaimChangesNothing}.
   *
   * @return false if the claim is no longer current
   */
  boolean markFailed(ClaimedEvent event, String error);

  /**
   * Gives claimed events back without counting an attempt, so another claim can take them at once;
   * used when a relay stops in the middle of a batch.
   *
   * <p>Shown by {@code OutboxStoreContract#releaseMakesEventsClaimableAtOnceWithoutAttempt} and
   * {@code OutboxStoreContract#staleClaimChangesNothing}.
   *
   * @return how many were still held and are now released
   */
  int release(List<ClaimedEvent> events);

  /**
   * Moves a failed event back to pending with its attempt count reset, so it is delivered again.
   *
   * <p>Shown by {@code OutboxStoreContract#replayMovesFailedEventBackWithAttemptsReset} and {@code
   * OutboxStoreContract#replayNeedsFailedEvent}.
   *
   * @return false if there is no failed event with this id
   */
  boolean replay(EventId id);

  /**
   * Returns the identity and delivery state of the stored event, without its payload, or empty if
   * no event has this id.
   *
   * <p>Shown by {@code OutboxStoreContract#findShowsStoredEventWithoutPayload} and {@code
   * OutboxStoreContract#findOfUnknownEventIsEmpty}.
   */
  Optional<OutboxEntry> find(EventId id);

  /**
   * Returns the stored event with its payload, read at its type's current schema version: an event
   * stored at an older version comes back upcast, as the relay delivers it. The payload stays after
   * the event was dispatched.
   *
   * <p>Shown by {@code OutboxStoreContract#findEnvelopeReturnsTheStoredEnvelope}, {@code
   * OutboxStoreContract#findEnvelopeKeepsPayloadAfterDispatch}, {@code
   * OutboxStoreContract#findEnvelopeOfUnknownEventIsEmpty}, {@code
   * OutboxStoreContract#findEnvelopeOfRolledBackEventIsEmpty}, {@code
   * StoredEventVersionsIT#findEnvelopeUpcastsStoredVersion1} and {@code
   * StoredEventVersionsIT#findEnvelopeOfUnknownVersionGivesTheReason}.
   *
   * @return empty if no event has this id
   * @throws UnreadableStoredEventException if this code cannot read the stored payload, for the
   *     reason that would make the relay park it
   */
  Optional<EventEnvelope> findEnvelope(EventId id);

  /**
   * Lists up to {@code limit} stored events with the given status, newest first: by the time they
   * were stored, then by id. With {@code before}, the list starts after that event in this order,
   * so the last id of one page gives the next page. Events stored after the first page come before
   * it and are never listed on later pages. If no event has the id {@code before}, the list is
   * empty.
   *
   * <p>Shown by {@code OutboxStoreContract#listShowsEventsOfOneStatusNewestFirst}, {@code
   * OutboxStoreContract#listContinuesAfterTheGivenEvent} and {@code
   * OutboxStoreContract#listAfterUnknownEventIsEmpty}.
   */
  List<OutboxEntry> list(OutboxStatus status, int limit, Optional<EventId> before);

  /**
   * Counts the stored events by status, with the age of the oldest pending one by the store's
   * clock; the age is empty when no event is pending.
   *
   * <p>Shown by {@code OutboxStoreContract#statsOfEmptyStoreAreZero} and {@code
   * OutboxStoreContract#statsCountStatusesAndPendingAge}.
   */
  OutboxStats stats();
}
