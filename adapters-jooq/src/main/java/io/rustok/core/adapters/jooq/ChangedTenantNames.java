package io.rustok.core.adapters.jooq;

import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The ids, slugs and host names under which tenants were known before a change or are known after
 * it: every name whose cached lookup the change made stale.
 */
public record ChangedTenantNames(Set<TenantId> ids, Set<Slug> slugs, Set<HostName> hosts) {
  public ChangedTenantNames {
    ids = Set.copyOf(ids);
    slugs = Set.copyOf(slugs);
    hosts = Set.copyOf(hosts);
  }

  /** Returns every id, slug and host name of these tenants. */
  public static ChangedTenantNames of(Collection<Tenant> tenants) {
    Set<TenantId> ids = new LinkedHashSet<>();
    Set<Slug> slugs = new LinkedHashSet<>();
    Set<HostName> hosts = new LinkedHashSet<>();
    for (Tenant tenant : tenants) {
      ids.add(tenant.id());
      slugs.add(tenant.slug());
      hosts.addAll(tenant.hosts());
    }
    return new ChangedTenantNames(ids, slugs, hosts);
  }

  public boolean isEmpty() {
    return ids.isEmpty() && slugs.isEmpty() && hosts.isEmpty();
  }
}
