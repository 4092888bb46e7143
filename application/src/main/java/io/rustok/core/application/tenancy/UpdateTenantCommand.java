package io.rustok.core.application.tenancy;

import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Changes a tenant. Absent fields stay as they are; {@code hosts} and {@code locales} replace the
 * whole list when present. With {@code expectedVersion} present the change happens only if the
 * tenant is still at that version.
 */
public record UpdateTenantCommand(
    TenantId tenantId,
    Optional<Long> expectedVersion,
    Optional<Slug> slug,
    Optional<String> name,
    Optional<List<HostName>> hosts,
    Optional<List<LocaleCode>> locales) {
  public UpdateTenantCommand {
    Require.notNull(tenantId, "tenantId");
    Require.notNull(expectedVersion, "expectedVersion");
    Require.notNull(slug, "slug");
    Require.notNull(name, "name");
    hosts = Require.notNull(hosts, "hosts").map(List::copyOf);
    locales = Require.notNull(locales, "locales").map(List::copyOf);
  }
}
