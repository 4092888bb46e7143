package io.rustok.core.application.tenancy;

import io.rustok.core.domain.tenancy.Tenant;

/**
 * Receives each tenant creation and change once it has committed. Caches of tenant lookups use it
 * to drop what they hold under the tenant's old and new id, slug and host names.
 */
@FunctionalInterface
public interface TenantChangeListener {
  TenantChangeListener NONE = (before, after) -> {};

  /** Called after a change commits, with the tenant as it was and as it is now. */
  void tenantChanged(Tenant before, Tenant after);

  /**
   * Called after a new tenant commits. The default does nothing. A listener that caches misses must
   * override it, because a cached miss for the new slug or a new host name would hide the tenant.
   */
  default void tenantCreated(Tenant tenant) {}
}
