package io.rustok.core.adapters.inmemory;

import io.rustok.core.testing.contract.Adapters;
import io.rustok.core.testing.contract.UnitOfWorkContract;

class InMemoryUnitOfWorkContractTest extends UnitOfWorkContract {
  @Override
  protected Adapters createAdapters() {
    return new InMemoryStore().adapters();
  }
}
