package io.rustok.core.application.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.application.RequestContext;
import io.rustok.core.application.TestWiring;
import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.Tenant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TenantChangeListenerTest {
  private final TestWiring wiring = new TestWiring();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final TenantChangeListener listener =
      new TenantChangeListener() {
        @Override
        public void tenantChanged(Tenant before, Tenant after) {
          calls.add(
              "changed "
                  + before.slug()
                  + " v"
                  + before.version()
                  + " -> "
                  + after.slug()
                  + " v"
                  + after.version()
                  + " visible="
                  + isStored(after));
        }

        @Override
        public void tenantCreated(Tenant tenant) {
          calls.add("created " + tenant.slug() + " visible=" + isStored(tenant));
        }
      };
  private final CreateTenant createTenant =
      new CreateTenant(
          wiring.unitOfWork,
          wiring.tenants,
          wiring.publisher(),
          wiring.ids,
          wiring.clock,
          listener);
  private final UpdateTenant updateTenant =
      new UpdateTenant(
          wiring.unitOfWork, wiring.tenants, wiring.publisher(), wiring.clock, listener);

  @Test
  void creationIsToldAfterCommit() {
    createTenant.execute(RequestContext.system(), command("acme"));

    assertThat(calls).containsExactly("created acme visible=true");
  }

  @Test
  void rejectedCreationIsNotTold() {
    createTenant.execute(RequestContext.system(), command("acme"));

    assertThatThrownBy(() -> createTenant.execute(RequestContext.system(), command("acme")))
        .isInstanceOf(DuplicateException.class);
    assertThat(calls).containsExactly("created acme visible=true");
  }

  @Test
  void changeIsToldWithBothVersions() {
    Tenant tenant = createTenant.execute(RequestContext.system(), command("acme"));

    updateTenant.execute(RequestContext.system(), rename(tenant, "acme-2"));

    assertThat(calls)
        .containsExactly("created acme visible=true", "changed acme v1 -> acme-2 v2 visible=true");
  }

  @Test
  void updateThatChangesNothingIsNotTold() {
    Tenant tenant = createTenant.execute(RequestContext.system(), command("acme"));

    updateTenant.execute(RequestContext.system(), rename(tenant, "acme"));

    assertThat(calls).containsExactly("created acme visible=true");
  }

  private boolean isStored(Tenant tenant) {
    return wiring.tenants.findById(tenant.id()).filter(tenant::equals).isPresent();
  }

  private static CreateTenantCommand command(String slug) {
    return new CreateTenantCommand(
        Slug.of(slug), "Tenant " + slug, List.of(HostName.parse(slug + ".example.com")), List.of());
  }

  private static UpdateTenantCommand rename(Tenant tenant, String slug) {
    return new UpdateTenantCommand(
        tenant.id(),
        Optional.empty(),
        Optional.of(Slug.of(slug)),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
