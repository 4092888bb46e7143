package io.rustok.core.application.tenancy;

import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import java.util.List;

/** Creates a tenant; host names and locales may be empty. */
public record CreateTenantCommand(
    Slug slug, String name, List<HostName> hosts, List<LocaleCode> locales) {
  public CreateTenantCommand {
    Require.present(slug, "slug");
    Require.present(name, "name");
    hosts = List.copyOf(Require.present(hosts, "hosts"));
    locales = List.copyOf(Require.present(locales, "locales"));
  }
}
