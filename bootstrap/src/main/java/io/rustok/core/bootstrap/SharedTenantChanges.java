package io.rustok.core.bootstrap;

import io.rustok.core.adapters.http.tenancy.CachingTenantResolver;
import io.rustok.core.adapters.jooq.ChangedTenantNames;
import io.rustok.core.adapters.jooq.PostgresTenantListener;
import io.rustok.core.adapters.jooq.PostgresTenantNotifier;
import io.rustok.core.application.tenancy.TenantChangeListener;
import io.rustok.core.application.tenancy.TenantReference;
import io.rustok.core.domain.tenancy.Tenant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the tenant caches of instances that share one PostgreSQL database in step. A change made
 * here drops this instance's entries at once and is then announced to the others; a change
 * announced by another instance drops the entries it names here; and when announcements may have
 * been missed, the whole cache is dropped.
 */
final class SharedTenantChanges implements TenantChangeListener, PostgresTenantListener.Subscriber {
  private final CachingTenantResolver cache;
  private final PostgresTenantNotifier notifier;

  SharedTenantChanges(CachingTenantResolver cache, PostgresTenantNotifier notifier) {
    this.cache = cache;
    this.notifier = notifier;
  }

  @Override
  public void tenantChanged(Tenant before, Tenant after) {
    cache.tenantChanged(before, after);
    notifier.announce(ChangedTenantNames.of(List.of(before, after)));
  }

  @Override
  public void tenantCreated(Tenant tenant) {
    cache.tenantCreated(tenant);
    notifier.announce(ChangedTenantNames.of(List.of(tenant)));
  }

  @Override
  public void tenantsChanged(ChangedTenantNames names) {
    cache.invalidate(references(names));
  }

  @Override
  public void changesMissed() {
    cache.invalidateAll();
  }

  static List<TenantReference> references(ChangedTenantNames names) {
    List<TenantReference> references = new ArrayList<>();
    names.ids().forEach(id -> references.add(new TenantReference.ById(id)));
    names.slugs().forEach(slug -> references.add(new TenantReference.BySlug(slug)));
    names.hosts().forEach(host -> references.add(new TenantReference.ByHost(host)));
    return references;
  }
}
