package io.rustok.core.application.tenancy;

import io.rustok.core.application.NotFoundException;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantRepository;
import java.util.Optional;

/**
 * Finds the tenant a request names. This version reads the repository on every call; callers that
 * need caching wrap it.
 */
public final class ResolveTenant {
  private final TenantRepository tenants;

  public ResolveTenant(TenantRepository tenants) {
    this.tenants = tenants;
  }

  /**
   * @throws NotFoundException if no tenant has this id, slug or host name
   */
  public Tenant execute(TenantReference reference) {
    return find(reference).orElseThrow(() -> new NotFoundException("tenant", describe(reference)));
  }

  public Optional<Tenant> find(TenantReference reference) {
    return switch (reference) {
      case TenantReference.ById byId -> tenants.findById(byId.id());
      case TenantReference.BySlug bySlug -> tenants.findBySlug(bySlug.slug());
      case TenantReference.ByHost byHost -> tenants.findByHost(byHost.host());
    };
  }

  private static String describe(TenantReference reference) {
    return switch (reference) {
      case TenantReference.ById byId -> byId.id().toString();
      case TenantReference.BySlug bySlug -> bySlug.slug().value();
      case TenantReference.ByHost byHost -> byHost.host().value();
    };
  }
}
