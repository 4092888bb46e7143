package io.rustok.core.adapters.inmemory;

import io.rustok.core.testing.MutableClock;
import io.rustok.core.testing.contract.Adapters;

/** In-memory adapters wired to one unit of work and one test clock. */
final class InMemoryStore {
  final MutableClock clock = MutableClock.create();
  final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
  final InMemoryTenantRepository tenants = new InMemoryTenantRepository(unitOfWork);
  final InMemoryNodeRepository nodes = new InMemoryNodeRepository(unitOfWork);
  final InMemoryOutbox outbox = new InMemoryOutbox(unitOfWork, clock);

  Adapters adapters() {
    return Adapters.of(unitOfWork, tenants, nodes, outbox, outbox);
  }
}
