package io.rustok.core.adapters.inmemory;

import io.rustok.core.testing.contract.Adapters;
import io.rustok.core.testing.contract.NodeRepositoryContract;

class InMemoryNodeRepositoryContractTest extends NodeRepositoryContract {
  @Override
  protected Adapters createAdapters() {
    return new InMemoryStore().adapters();
  }
}
