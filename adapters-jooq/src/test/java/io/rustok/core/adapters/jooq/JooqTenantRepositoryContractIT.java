package io.rustok.core.adapters.jooq;

import io.rustok.core.testing.contract.Adapters;
import io.rustok.core.testing.contract.TenantRepositoryContract;
import io.rustok.core.testing.postgres.PostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqTenantRepositoryContractIT extends TenantRepositoryContract {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();

  @Override
  protected Adapters createAdapters() {
    return ContractAdapters.on(db);
  }
}
