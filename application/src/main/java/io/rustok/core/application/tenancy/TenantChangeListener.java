package io.rustok.core.application.tenancy;

import io.rustok.core.domain.tenancy.Tenant;

/** Told after a change to a tenant commits, with the tenant as it was and as it is now. */
@FunctionalInterface
public interface TenantChangeListener {
  TenantChangeListener NONE = (before, after) -> {};

  void tenantChanged(Tenant before, Tenant after);
}
