package io.rustok.core.application.outbox;

import io.rustok.core.application.NotFoundException;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.outbox.OutboxEntry;
import io.rustok.core.domain.outbox.OutboxStats;
import io.rustok.core.domain.outbox.OutboxStatus;
import io.rustok.core.domain.outbox.OutboxStore;
import io.rustok.core.domain.shared.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * Operator's read-only view of the outbox: entries by status, one entry with or without its
 * payload, and the counts.
 */
public final class InspectOutbox {
  public static final int MAX_LIMIT = 1000;

  private final OutboxStore store;

  public InspectOutbox(OutboxStore store) {
    this.store = store;
  }

  /** One page of entries, with the id to pass as {@code before} for the next page, if any. */
  public record Page(List<OutboxEntry> items, Optional<EventId> next) {}

  /**
   * Lists entries with the given status, newest first, starting after {@code before} when given
   * (see {@link OutboxStore#list}).
   */
  public Page list(OutboxStatus status, int limit, Optional<EventId> before) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    List<OutboxEntry> entries = store.list(status, limit + 1, before);
    if (entries.size() <= limit) {
      return new Page(entries, Optional.empty());
    }
    List<OutboxEntry> page = entries.subList(0, limit);
    return new Page(List.copyOf(page), Optional.of(page.getLast().id()));
  }

  public OutboxEntry get(EventId id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("event", id));
  }

  /**
   * Returns the stored event with its payload, at its type's current schema version.
   *
   * @throws NotFoundException if no event has this id
   * @throws io.rustok.core.domain.outbox.UnreadableStoredEventException if this code cannot read
   *     the stored payload
   */
  public EventEnvelope envelope(EventId id) {
    return store.findEnvelope(id).orElseThrow(() -> new NotFoundException("event", id));
  }

  public OutboxStats stats() {
    return store.stats();
  }
}
