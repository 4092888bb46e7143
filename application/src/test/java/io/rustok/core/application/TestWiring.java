package io.rustok.core.application;

import io.rustok.core.adapters.inmemory.InMemoryNodeRepository;
import io.rustok.core.adapters.inmemory.InMemoryOutbox;
import io.rustok.core.adapters.inmemory.InMemoryTenantRepository;
import io.rustok.core.adapters.inmemory.InMemoryUnitOfWork;
import io.rustok.core.domain.outbox.EventOutbox;
import io.rustok.core.testing.MutableClock;
import io.rustok.core.testing.SequentialIdSource;

/** In-memory adapters, a movable clock and predictable ids, as the use case tests need them. */
public final class TestWiring {
  public final MutableClock clock = MutableClock.create();
  public final SequentialIdSource ids = SequentialIdSource.create();
  public final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
  public final InMemoryTenantRepository tenants = new InMemoryTenantRepository(unitOfWork);
  public final InMemoryNodeRepository nodes = new InMemoryNodeRepository(unitOfWork);
  public final InMemoryOutbox outbox = new InMemoryOutbox(unitOfWork, clock);

  public EventPublisher publisher() {
    return publisher(outbox);
  }

  /** Returns a publisher that appends to {@code target}, for tests that wrap the outbox. */
  public EventPublisher publisher(EventOutbox target) {
    return new EventPublisher(unitOfWork, target, ids, clock, () -> {});
  }
}
