package io.rustok.core.testing;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.outbox.ClaimedEvent;
import io.rustok.core.domain.outbox.OutboxEntry;
import io.rustok.core.domain.outbox.OutboxStats;
import io.rustok.core.domain.outbox.OutboxStatus;
import io.rustok.core.domain.outbox.OutboxStore;
import io.rustok.core.domain.shared.Require;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An {@link OutboxStore} that passes every call to another store, for tests that override a few
 * methods to delay or fail them.
 */
public class ForwardingOutboxStore implements OutboxStore {
  protected final OutboxStore delegate;

  public ForwardingOutboxStore(OutboxStore delegate) {
    this.delegate = Require.notNull(delegate, "delegate");
  }

  @Override
  public List<ClaimedEvent> claim(int limit, Duration lease) {
    return delegate.claim(limit, lease);
  }

  @Override
  public int markDispatched(List<ClaimedEvent> events) {
    return delegate.markDispatched(events);
  }

  @Override
  public boolean retryLater(ClaimedEvent event, Duration delay, String error) {
    return delegate.retryLater(event, delay, error);
  }

  @Override
  public boolean markFailed(ClaimedEvent event, String error) {
    return delegate.markFailed(event, error);
  }

  @Override
  public int release(List<ClaimedEvent> events) {
    return delegate.release(events);
  }

  @Override
  public boolean replay(EventId id) {
    return delegate.replay(id);
  }

  @Override
  public Optional<OutboxEntry> find(EventId id) {
    return delegate.find(id);
  }

  @Override
  public Optional<EventEnvelope> findEnvelope(EventId id) {
    return delegate.findEnvelope(id);
  }

  @Override
  public List<OutboxEntry> list(OutboxStatus status, int limit, Optional<EventId> before) {
    return delegate.list(status, limit, before);
  }

  @Override
  public OutboxStats stats() {
    return delegate.stats();
  }
}
