package io.rustok.core.domain.outbox;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.shared.UnitOfWork;
import java.util.List;

/**
 * Write side of the transactional outbox: envelopes appended here are stored in the current {@link
 * UnitOfWork}, so an event exists if and only if the change it describes committed. A relay
 * delivers them later.
 *
 * <p>Shown by {@code UnitOfWorkContract#commitStoresEveryWrite} and {@code
 * UnitOfWorkContract#rollbackDiscardsEveryWriteOfTheUnit}.
 */
public interface EventOutbox {
  /**
   * Stores the envelopes as pending, in order, inside the current unit of work.
   *
   * <p>Shown by {@code OutboxStoreContract#claimReturnsCommittedEventsOldestFirst}, {@code
   * OutboxStoreContract#findShowsStoredEventWithoutPayload}, {@code
   * UnitOfWorkContract#rollbackDiscardsAppendedEvents} and {@code
   * UnitOfWorkContract#appendOutsideUnitThrowsAndStoresNothing}.
   *
   * @throws IllegalStateException if no unit of work is active on this thread; there is no fallback
   *     that sends the events some other way
   */
  void append(List<EventEnvelope> envelopes);
}
