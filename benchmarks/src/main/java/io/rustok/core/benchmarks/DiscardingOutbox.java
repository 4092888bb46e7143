package io.rustok.core.benchmarks;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.outbox.EventOutbox;
import io.rustok.core.domain.shared.UnitOfWork;
import java.util.List;

/**
 * An outbox that stores nothing but, like the real one, rejects an append outside a unit of work.
 * With it, a use case does all its work except encoding the events and inserting the outbox rows.
 */
final class DiscardingOutbox implements EventOutbox {
  private final UnitOfWork unitOfWork;

  DiscardingOutbox(UnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
  }

  @Override
  public void append(List<EventEnvelope> envelopes) {
    if (!unitOfWork.isActive()) {
      throw new IllegalStateException("EventOutbox.append needs an active unit of work");
    }
  }
}
