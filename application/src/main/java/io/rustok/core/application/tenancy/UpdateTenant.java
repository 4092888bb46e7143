package io.rustok.core.application.tenancy;

import io.rustok.core.application.EventPublisher;
import io.rustok.core.application.NotFoundException;
import io.rustok.core.application.RequestContext;
import io.rustok.core.application.VersionConflictException;
import io.rustok.core.domain.event.DomainEvent;
import io.rustok.core.domain.event.LocaleDisabled;
import io.rustok.core.domain.event.LocaleEnabled;
import io.rustok.core.domain.event.TenantUpdated;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.UnitOfWork;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes a tenant. A change of slug, name or host names publishes {@code tenant.updated}; each
 * locale added or removed publishes {@code locale.enabled} or {@code locale.disabled}. A request
 * that changes nothing returns the tenant as it is, with no event.
 */
public final class UpdateTenant {
  private static final Logger log = LoggerFactory.getLogger(UpdateTenant.class);

  private final UnitOfWork unitOfWork;
  private final TenantRepository tenants;
  private final EventPublisher events;
  private final Clock clock;
  private final TenantChangeListener listener;

  /**
   * @param listener called after each committed change, so caches of tenant lookups can drop the
   *     tenant's old slug and host names
   */
  public UpdateTenant(
      UnitOfWork unitOfWork,
      TenantRepository tenants,
      EventPublisher events,
      Clock clock,
      TenantChangeListener listener) {
    this.unitOfWork = unitOfWork;
    this.tenants = tenants;
    this.events = events;
    this.clock = clock;
    this.listener = listener;
  }

  public Tenant execute(RequestContext context, UpdateTenantCommand command) {
    Tenant[] before = new Tenant[1];
    Tenant updated =
        unitOfWork.execute(
            () -> {
              Tenant current = load(command);
              before[0] = current;
              Tenant changed =
                  current.revise(
                      command.slug().orElse(current.slug()),
                      command.name().orElse(current.name()),
                      command.hosts().orElse(current.hosts()),
                      command.locales().orElse(current.locales()),
                      clock.instant());
              List<DomainEvent> changes = changes(current, changed);
              if (changes.isEmpty()) {
                return current;
              }

              if (!tenants.update(changed)) {
                throw new VersionConflictException(
                    "tenant " + current.id(), current.version(), current.version() + 1);
              }
              events.publish(context, changed.id(), changes);
              unitOfWork.afterCommit(() -> listener.tenantChanged(current, changed));
              return changed;
            });

    if (updated != before[0]) {
      log.info(
          "Updated tenant id={} slug={} version={}",
          updated.id(),
          updated.slug(),
          updated.version());
    }
    return updated;
  }

  private Tenant load(UpdateTenantCommand command) {
    Tenant current =
        tenants
            .findById(command.tenantId())
            .orElseThrow(() -> new NotFoundException("tenant", command.tenantId()));
    if (command.expectedVersion().isPresent()
        && command.expectedVersion().get() != current.version()) {
      throw new VersionConflictException(
          "tenant " + current.id(), command.expectedVersion().get(), current.version());
    }
    return current;
  }

  private static List<DomainEvent> changes(Tenant before, Tenant after) {
    List<DomainEvent> events = new ArrayList<>();
    if (!before.slug().equals(after.slug())
        || !before.name().equals(after.name())
        || !before.hosts().equals(after.hosts())) {
      events.add(new TenantUpdated(after.id(), after.slug(), after.name(), after.hosts()));
    }
    for (LocaleCode locale : after.locales()) {
      if (!before.locales().contains(locale)) {
        events.add(new LocaleEnabled(after.id(), locale));
      }
    }
    for (LocaleCode locale : before.locales()) {
      if (!after.locales().contains(locale)) {
        events.add(new LocaleDisabled(after.id(), locale));
      }
    }
    return events;
  }
}
