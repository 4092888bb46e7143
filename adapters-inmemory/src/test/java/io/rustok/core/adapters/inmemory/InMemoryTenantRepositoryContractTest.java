package io.rustok.core.adapters.inmemory;

import io.rustok.core.testing.contract.Adapters;
import io.rustok.core.testing.contract.TenantRepositoryContract;

class InMemoryTenantRepositoryContractTest extends TenantRepositoryContract {
  @Override
  protected Adapters createAdapters() {
    return new InMemoryStore().adapters();
  }
}
