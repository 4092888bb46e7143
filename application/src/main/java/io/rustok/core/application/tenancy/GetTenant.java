package io.rustok.core.application.tenancy;

import io.rustok.core.application.NotFoundException;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.domain.tenancy.TenantRepository;

/** Reads one tenant by id. */
public final class GetTenant {
  private final TenantRepository tenants;

  public GetTenant(TenantRepository tenants) {
    this.tenants = tenants;
  }

  public Tenant execute(TenantId tenantId) {
    return tenants.findById(tenantId).orElseThrow(() -> new NotFoundException("tenant", tenantId));
  }
}
