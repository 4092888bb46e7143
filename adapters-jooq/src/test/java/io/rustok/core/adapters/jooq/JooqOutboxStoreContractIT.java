package io.rustok.core.adapters.jooq;

import io.rustok.core.testing.contract.Adapters;
import io.rustok.core.testing.contract.OutboxStoreContract;
import io.rustok.core.testing.postgres.PostgresExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqOutboxStoreContractIT extends OutboxStoreContract {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();

  /**
   * How far the store's time runs ahead of the database's {@code now()}. JUnit creates a new test
   * instance, and so a new shift of zero, for each test.
   */
  private final AtomicReference<Duration> clockShift = new AtomicReference<>(Duration.ZERO);

  @Override
  protected Adapters createAdapters() {
    return ContractAdapters.on(db, clockShift::get);
  }

  @Override
  protected void advanceStoreClock(Duration amount) {
    clockShift.accumulateAndGet(amount, Duration::plus);
  }
}
