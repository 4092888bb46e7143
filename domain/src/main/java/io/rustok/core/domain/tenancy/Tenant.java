package io.rustok.core.domain.tenancy;

import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.shared.Uuids;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A tenant: the owner of content, named by its id, its slug, or one of its host names.
 *
 * @param hosts host names that resolve to this tenant, without duplicates, in the order given
 * @param locales locales the tenant has enabled, without duplicates; the core records them and
 *     emits events when they change, but does not restrict node translations to them
 * @param version starts at 1 and grows by one with every change
 */
public record Tenant(
    TenantId id,
    Slug slug,
    String name,
    List<HostName> hosts,
    List<LocaleCode> locales,
    long version,
    Instant createdAt,
    Instant updatedAt) {
  public static final int MAX_NAME_LENGTH = 200;
  public static final int MAX_HOSTS = 32;
  public static final int MAX_LOCALES = 64;

  public Tenant {
    Require.notNull(id, "id");
    Require.present(slug, "slug");
    Require.that(
        !Uuids.isCanonical(slug.value()),
        "slug",
        "must not have the form of a UUID, because a UUID in X-Tenant-ID names a tenant by id");
    Require.text(name, "name", MAX_NAME_LENGTH);
    hosts = List.copyOf(Require.present(hosts, "hosts"));
    Require.that(hosts.size() <= MAX_HOSTS, "hosts", "must have at most " + MAX_HOSTS + " entries");
    Require.that(Set.copyOf(hosts).size() == hosts.size(), "hosts", "must not repeat a host");
    locales = List.copyOf(Require.present(locales, "locales"));
    Require.that(
        locales.size() <= MAX_LOCALES, "locales", "must have at most " + MAX_LOCALES + " entries");
    Require.that(
        Set.copyOf(locales).size() == locales.size(), "locales", "must not repeat a locale");
    Require.that(version >= 1, "version", "must be at least 1");
    Require.notNull(createdAt, "createdAt");
    Require.notNull(updatedAt, "updatedAt");
  }

  /** Returns this tenant with the given fields changed and its version advanced. */
  public Tenant revise(
      Slug newSlug,
      String newName,
      List<HostName> newHosts,
      List<LocaleCode> newLocales,
      Instant now) {
    return new Tenant(id, newSlug, newName, newHosts, newLocales, version + 1, createdAt, now);
  }
}
