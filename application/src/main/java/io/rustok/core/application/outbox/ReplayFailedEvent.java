package io.rustok.core.application.outbox;

import io.rustok.core.application.NotFoundException;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.outbox.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a dead-lettered event round again: it goes back to pending with its attempts reset, and the
 * relay delivers it like a new one.
 */
public final class ReplayFailedEvent {
  private static final Logger log = LoggerFactory.getLogger(ReplayFailedEvent.class);

  private final OutboxStore store;
  private final Runnable wakeRelay;

  public ReplayFailedEvent(OutboxStore store, Runnable wakeRelay) {
    this.store = store;
    this.wakeRelay = wakeRelay;
  }

  /**
   * @throws NotFoundException if there is no failed event with this id
   */
  public void execute(EventId id) {
    if (!store.replay(id)) {
      throw new NotFoundException("failed event", id);
    }
    log.info("Replaying failed event eventId={}", id);
    wakeRelay.run();
  }
}
