package io.rustok.core.adapters.inmemory;

import io.rustok.core.testing.contract.Adapters;
import io.rustok.core.testing.contract.OutboxStoreContract;
import java.time.Duration;

class InMemoryOutboxStoreContractTest extends OutboxStoreContract {
  private InMemoryStore store;

  @Override
  protected Adapters createAdapters() {
    store = new InMemoryStore();
    return store.adapters();
  }

  @Override
  protected void advanceStoreClock(Duration amount) {
    store.clock.advance(amount);
  }
}
