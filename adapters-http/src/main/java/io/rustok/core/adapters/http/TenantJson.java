package io.rustok.core.adapters.http;

import io.rustok.core.application.tenancy.CreateTenantCommand;
import io.rustok.core.application.tenancy.UpdateTenantCommand;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Request and response bodies of the tenant routes. */
final class TenantJson {
  private TenantJson() {}

  /** Body of {@code POST /api/tenants}, in which slug and name are required. */
  record CreateRequest(String slug, String name, List<String> hosts, List<String> locales) {
    CreateTenantCommand toCommand() {
      return new CreateTenantCommand(
          Slug.of(slug),
          name,
          hosts == null ? List.of() : parseHosts(hosts),
          locales == null ? List.of() : parseLocales(locales));
    }
  }

  /** Body of {@code PATCH /api/tenants/{id}}: every field is optional, and a list replaces. */
  record UpdateRequest(String slug, String name, List<String> hosts, List<String> locales) {
    UpdateTenantCommand toCommand(TenantId id, Optional<Long> expectedVersion) {
      return new UpdateTenantCommand(
          id,
          expectedVersion,
          Optional.ofNullable(slug).map(Slug::of),
          Optional.ofNullable(name),
          Optional.ofNullable(hosts).map(TenantJson::parseHosts),
          Optional.ofNullable(locales).map(TenantJson::parseLocales));
    }
  }

  record View(
      String id,
      String slug,
      String name,
      List<String> hosts,
      List<String> locales,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    static View of(Tenant tenant) {
      return new View(
          tenant.id().toString(),
          tenant.slug().value(),
          tenant.name(),
          tenant.hosts().stream().map(HostName::value).toList(),
          tenant.locales().stream().map(LocaleCode::value).toList(),
          tenant.version(),
          tenant.createdAt(),
          tenant.updatedAt());
    }
  }

  private static List<HostName> parseHosts(List<String> texts) {
    List<HostName> hosts = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      hosts.add(FieldPaths.at("hosts[" + i + "]", () -> HostName.parse(text)));
    }
    return hosts;
  }

  private static List<LocaleCode> parseLocales(List<String> texts) {
    List<LocaleCode> locales = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      locales.add(FieldPaths.at("locales[" + i + "]", () -> LocaleCode.of(text)));
    }
    return locales;
  }
}
