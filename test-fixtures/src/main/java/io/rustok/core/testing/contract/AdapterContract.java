package io.rustok.core.testing.contract;

import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.testing.TenantBuilder;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the contract suites: creates fresh adapters before each test and closes them after it.
 *
 * <p>The suites write only inside {@link io.rustok.core.domain.shared.UnitOfWork#execute}, because
 * whether a repository write outside a unit commits on its own is up to the adapter.
 */
public abstract class AdapterContract {
  /** Adapters of the current test. */
  protected Adapters adapters;

  /**
   * Returns adapters over empty storage, new for each test. The outbox tests count and claim every
   * stored event, so events that another test left behind would make them fail.
   */
  protected abstract Adapters createAdapters();

  @BeforeEach
  final void openAdapters() {
    adapters = createAdapters();
  }

  @AfterEach
  final void closeAdapters() throws Exception {
    if (adapters != null) {
      adapters.onClose().close();
    }
  }

  /** Runs {@code work} in a unit of work and returns its result. */
  protected final <T> T inUnit(Supplier<T> work) {
    return adapters.unitOfWork().execute(work);
  }

  /** Runs {@code work} in a unit of work. */
  protected final void inUnit(Runnable work) {
    adapters
        .unitOfWork()
        .execute(
            () -> {
              work.run();
              return null;
            });
  }

  /** Stores a new tenant with default values and returns it. */
  protected final Tenant givenTenant() {
    return givenTenant(TenantBuilder.aTenant().build());
  }

  /** Stores the tenant and returns it. */
  protected final Tenant givenTenant(Tenant tenant) {
    inUnit(() -> adapters.tenants().insert(tenant));
    return tenant;
  }
}
