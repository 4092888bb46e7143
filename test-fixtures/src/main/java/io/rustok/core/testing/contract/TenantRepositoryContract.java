package io.rustok.core.testing.contract;

import static io.rustok.core.testing.TenantBuilder.aTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantRepository;
import io.rustok.core.testing.TenantBuilder;
import io.rustok.core.testing.Unique;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link TenantRepository}: lookups by id, slug and host name, uniqueness of slugs and
 * host names across tenants, and updates conditional on the version.
 */
public abstract class TenantRepositoryContract extends AdapterContract {

  private TenantRepository tenants() {
    return adapters.tenants();
  }

  @Test
  void insertedTenantIsFoundByEveryKey() {
    HostName first = Unique.hostName();
    HostName second = Unique.hostName();
    Tenant tenant =
        aTenant().withName("Acme").withHosts(first, second).withLocales("en", "pt-BR").build();

    inUnit(() -> tenants().insert(tenant));

    assertThat(tenants().findById(tenant.id())).contains(tenant);
    assertThat(tenants().findBySlug(tenant.slug())).contains(tenant);
    assertThat(tenants().findByHost(first)).contains(tenant);
    assertThat(tenants().findByHost(second)).contains(tenant);
  }

  @Test
  void unknownTenantIsNotFound() {
    givenTenant();

    assertThat(tenants().findById(Unique.tenantId())).isEmpty();
    assertThat(tenants().findBySlug(Unique.slug())).isEmpty();
    assertThat(tenants().findByHost(Unique.hostName())).isEmpty();
  }

  @Test
  void hostLookupMatchesHowClientsWriteIt() {
    HostName host = Unique.hostName();
    Tenant tenant = givenTenant(aTenant().withHosts(host).build());

    HostName asWritten = HostName.parse(host.value().toUpperCase(Locale.ROOT) + ".");

    assertThat(tenants().findByHost(asWritten)).contains(tenant);
  }

  @Test
  void tenantWithoutHostsIsStored() {
    Tenant tenant = givenTenant(aTenant().withoutHosts().build());

    assertThat(tenants().findById(tenant.id())).contains(tenant);
  }

  @Test
  void takenSlugIsRejected() {
    Tenant existing = givenTenant();
    Tenant clash = aTenant().withSlug(existing.slug()).build();

    assertThatThrownBy(() -> inUnit(() -> tenants().insert(clash)))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("slug"));

    assertThat(tenants().findById(clash.id())).isEmpty();
    assertThat(tenants().findBySlug(existing.slug())).contains(existing);
  }

  @Test
  void takenHostIsRejected() {
    Tenant existing = givenTenant();
    HostName fresh = Unique.hostName();
    Tenant clash = aTenant().withHosts(fresh, existing.hosts().getFirst()).build();

    assertThatThrownBy(() -> inUnit(() -> tenants().insert(clash)))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("hosts"));

    assertThat(tenants().findById(clash.id())).isEmpty();
    assertThat(tenants().findByHost(fresh)).isEmpty();
    assertThat(tenants().findByHost(existing.hosts().getFirst())).contains(existing);
  }

  @Test
  void duplicateRollsBackTheWholeUnit() {
    Tenant existing = givenTenant();
    Tenant fine = aTenant().build();
    Tenant clash = aTenant().withSlug(existing.slug()).build();

    assertThatThrownBy(
            () ->
                inUnit(
                    () -> {
                      tenants().insert(fine);
                      tenants().insert(clash);
                    }))
        .isInstanceOf(DuplicateException.class);

    assertThat(tenants().findById(fine.id())).isEmpty();
  }

  @Test
  void updateReplacesFieldsSlugAndHosts() {
    Tenant tenant = givenTenant();
    Slug newSlug = Unique.slug("renamed");
    HostName newHost = Unique.hostName();
    Instant later = tenant.updatedAt().plusSeconds(60);
    Tenant changed = tenant.revise(newSlug, "Renamed", List.of(newHost), tenant.locales(), later);

    boolean updated = inUnit(() -> tenants().update(changed));

    assertThat(updated).isTrue();
    assertThat(tenants().findById(tenant.id())).contains(changed);
    assertThat(tenants().findBySlug(newSlug)).contains(changed);
    assertThat(tenants().findBySlug(tenant.slug())).isEmpty();
    assertThat(tenants().findByHost(newHost)).contains(changed);
    assertThat(tenants().findByHost(tenant.hosts().getFirst())).isEmpty();
  }

  @Test
  void updateKeepingOwnSlugAndHostsSucceeds() {
    Tenant tenant = givenTenant();
    Tenant renamed = TenantBuilder.from(tenant).withName("Only the name").nextVersion().build();

    boolean updated = inUnit(() -> tenants().update(renamed));

    assertThat(updated).isTrue();
    assertThat(tenants().findBySlug(tenant.slug())).contains(renamed);
    assertThat(tenants().findByHost(tenant.hosts().getFirst())).contains(renamed);
  }

  @Test
  void updateToTakenSlugIsRejected() {
    Tenant other = givenTenant();
    Tenant tenant = givenTenant();
    Tenant clash = TenantBuilder.from(tenant).withSlug(other.slug()).nextVersion().build();

    assertThatThrownBy(() -> inUnit(() -> tenants().update(clash)))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("slug"));

    assertThat(tenants().findById(tenant.id())).contains(tenant);
    assertThat(tenants().findBySlug(other.slug())).contains(other);
  }

  @Test
  void updateToTakenHostIsRejected() {
    Tenant other = givenTenant();
    Tenant tenant = givenTenant();
    Tenant clash =
        TenantBuilder.from(tenant)
            .withHosts(tenant.hosts().getFirst(), other.hosts().getFirst())
            .nextVersion()
            .build();

    assertThatThrownBy(() -> inUnit(() -> tenants().update(clash)))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("hosts"));

    assertThat(tenants().findById(tenant.id())).contains(tenant);
    assertThat(tenants().findByHost(other.hosts().getFirst())).contains(other);
  }

  @Test
  void releasedSlugAndHostAreReusable() {
    Tenant tenant = givenTenant();
    Tenant moved =
        TenantBuilder.from(tenant)
            .withSlug(Unique.slug("moved"))
            .withHosts(Unique.hostName())
            .nextVersion()
            .build();
    inUnit(() -> tenants().update(moved));
    Tenant successor =
        aTenant().withSlug(tenant.slug()).withHosts(tenant.hosts().getFirst()).build();

    inUnit(() -> tenants().insert(successor));

    assertThat(tenants().findBySlug(tenant.slug())).contains(successor);
    assertThat(tenants().findByHost(tenant.hosts().getFirst())).contains(successor);
  }

  @Test
  void hostMovesBetweenTenantsInOneUnit() {
    HostName host = Unique.hostName();
    Tenant giver = givenTenant(aTenant().withHosts(host).build());
    Tenant taker = givenTenant();
    Tenant giverWithout = TenantBuilder.from(giver).withoutHosts().nextVersion().build();
    Tenant takerWith =
        TenantBuilder.from(taker).withHosts(taker.hosts().getFirst(), host).nextVersion().build();

    inUnit(
        () -> {
          assertThat(tenants().update(giverWithout)).isTrue();
          assertThat(tenants().update(takerWith)).isTrue();
        });

    assertThat(tenants().findByHost(host)).contains(takerWith);
  }

  @Test
  void updateFromStaleVersionReturnsFalse() {
    Tenant tenant = givenTenant();
    Tenant first = TenantBuilder.from(tenant).withName("First writer").nextVersion().build();
    Tenant second = TenantBuilder.from(tenant).withName("Second writer").nextVersion().build();

    boolean firstUpdated = inUnit(() -> tenants().update(first));
    boolean secondUpdated = inUnit(() -> tenants().update(second));

    assertThat(firstUpdated).isTrue();
    assertThat(secondUpdated).isFalse();
    assertThat(tenants().findById(tenant.id())).contains(first);
  }

  @Test
  void updateSkippingVersionReturnsFalse() {
    Tenant tenant = givenTenant();
    Tenant skipped = TenantBuilder.from(tenant).withName("Skipped").withVersion(3).build();

    boolean updated = inUnit(() -> tenants().update(skipped));

    assertThat(updated).isFalse();
    assertThat(tenants().findById(tenant.id())).contains(tenant);
  }

  @Test
  void updateOfUnknownTenantReturnsFalse() {
    Tenant never = aTenant().withVersion(2).build();

    boolean updated = inUnit(() -> tenants().update(never));

    assertThat(updated).isFalse();
    assertThat(tenants().findById(never.id())).isEmpty();
    assertThat(tenants().findBySlug(never.slug())).isEmpty();
  }
}
