package io.rustok.core.application.tenancy;

import io.rustok.core.application.EventPublisher;
import io.rustok.core.application.RequestContext;
import io.rustok.core.domain.event.TenantCreated;
import io.rustok.core.domain.shared.IdSource;
import io.rustok.core.domain.shared.UnitOfWork;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.domain.tenancy.TenantRepository;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates a tenant and publishes {@code tenant.created}. */
public final class CreateTenant {
  private static final Logger log = LoggerFactory.getLogger(CreateTenant.class);

  private final UnitOfWork unitOfWork;
  private final TenantRepository tenants;
  private final EventPublisher events;
  private final IdSource ids;
  private final Clock clock;
  private final TenantChangeListener listener;

  /**
   * @param listener called after each tenant is committed, so caches of tenant lookups can drop a
   *     cached miss for its slug or host names
   */
  public CreateTenant(
      UnitOfWork unitOfWork,
      TenantRepository tenants,
      EventPublisher events,
      IdSource ids,
      Clock clock,
      TenantChangeListener listener) {
    this.unitOfWork = unitOfWork;
    this.tenants = tenants;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
    this.listener = listener;
  }

  /** Creates tenants with no listener, for wiring that caches no tenant lookups. */
  public CreateTenant(
      UnitOfWork unitOfWork,
      TenantRepository tenants,
      EventPublisher events,
      IdSource ids,
      Clock clock) {
    this(unitOfWork, tenants, events, ids, clock, TenantChangeListener.NONE);
  }

  public Tenant execute(RequestContext context, CreateTenantCommand command) {
    Instant now = clock.instant();
    Tenant tenant =
        new Tenant(
            new TenantId(ids.newId()),
            command.slug(),
            command.name(),
            command.hosts(),
            command.locales(),
            1,
            now,
            now);

    unitOfWork.execute(
        () -> {
          tenants.insert(tenant);
          events.publish(
              context,
              tenant.id(),
              new TenantCreated(
                  tenant.id(), tenant.slug(), tenant.name(), tenant.hosts(), tenant.locales()));
          unitOfWork.afterCommit(() -> listener.tenantCreated(tenant));
          return tenant;
        });

    log.info("Created tenant id={} slug={}", tenant.id(), tenant.slug());
    return tenant;
  }
}
