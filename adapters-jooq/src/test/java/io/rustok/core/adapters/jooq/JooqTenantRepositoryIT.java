package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.testing.postgres.PostgresExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqTenantRepositoryIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();

  private JooqTenantRepository tenants;

  @BeforeEach
  void wireAdapters() {
    tenants = JooqAdapters.using(db.dataSource(), new JsonEnvelopeCodec()).tenants();
  }

  @Test
  void insertedTenantIsFoundEveryWay() {
    Tenant tenant = Samples.tenant();

    tenants.insert(tenant);

    assertThat(tenants.findById(tenant.id())).contains(tenant);
    assertThat(tenants.findBySlug(tenant.slug())).contains(tenant);
    assertThat(tenants.findByHost(tenant.hosts().get(0))).contains(tenant);
    assertThat(tenants.findByHost(tenant.hosts().get(1))).contains(tenant);
  }

  @Test
  void unknownTenantIsNotFound() {
    assertThat(tenants.findById(Samples.tenantId())).isEmpty();
    assertThat(tenants.findBySlug(Slug.of(Samples.unique("nobody")))).isEmpty();
    assertThat(tenants.findByHost(HostName.parse(Samples.unique("nobody") + ".test"))).isEmpty();
  }

  @Test
  void updateReplacesFieldsAndHosts() {
    Tenant tenant = Samples.tenant();
    tenants.insert(tenant);
    HostName newHost = HostName.parse(Samples.unique("moved") + ".example.org");
    Tenant revised =
        tenant.revise(
            Slug.of(Samples.unique("renamed")),
            "Renamed",
            List.of(newHost, tenant.hosts().get(1)),
            List.of(LocaleCode.of("pt-BR")),
            Samples.LATER);

    boolean updated = tenants.update(revised);

    assertThat(updated).isTrue();
    assertThat(tenants.findById(tenant.id())).contains(revised);
    assertThat(tenants.findByHost(newHost)).contains(revised);
    assertThat(tenants.findByHost(tenant.hosts().get(0))).isEmpty();
    assertThat(tenants.findBySlug(tenant.slug())).isEmpty();
  }

  @Test
  void staleUpdateIsRejected() {
    Tenant tenant = Samples.tenant();
    tenants.insert(tenant);
    Tenant first =
        tenant.revise(tenant.slug(), "First", tenant.hosts(), tenant.locales(), Samples.LATER);
    Tenant second =
        tenant.revise(tenant.slug(), "Second", List.of(), tenant.locales(), Samples.LATER);
    tenants.update(first);

    boolean updated = tenants.update(second);

    assertThat(updated).isFalse();
    assertThat(tenants.findById(tenant.id())).contains(first);
  }

  @Test
  void updateOfMissingTenantIsRejected() {
    Tenant never = Samples.tenant();
    Tenant revised = never.revise(never.slug(), "Ghost", List.of(), List.of(), Samples.LATER);

    assertThat(tenants.update(revised)).isFalse();
    assertThat(tenants.findById(never.id())).isEmpty();
  }

  @Test
  void duplicateSlugIsReportedAsSlug() {
    Tenant owner = Samples.tenant();
    tenants.insert(owner);
    Tenant clash = withSlug(Samples.tenant(), owner.slug());

    assertThatThrownBy(() -> tenants.insert(clash))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("slug"));

    assertThat(tenants.findById(clash.id())).isEmpty();
    assertThat(tenants.findByHost(clash.hosts().getFirst())).isEmpty();
  }

  @Test
  void duplicateHostIsReportedAsHosts() {
    Tenant owner = Samples.tenant();
    tenants.insert(owner);
    Tenant other = Samples.tenant();
    Tenant clash = withHosts(other, List.of(other.hosts().getFirst(), owner.hosts().get(1)));

    assertThatThrownBy(() -> tenants.insert(clash))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("hosts"));

    assertThat(tenants.findById(clash.id())).isEmpty();
    assertThat(tenants.findByHost(owner.hosts().get(1))).contains(owner);
  }

  @Test
  void duplicateIdIsReportedAsId() {
    Tenant owner = Samples.tenant();
    tenants.insert(owner);
    Tenant other = Samples.tenant();
    Tenant clash =
        new Tenant(
            owner.id(),
            other.slug(),
            other.name(),
            other.hosts(),
            other.locales(),
            1,
            Samples.CREATED,
            Samples.CREATED);

    assertThatThrownBy(() -> tenants.insert(clash))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("id"));
  }

  @Test
  void updateTakingAnotherTenantsHostIsRejected() {
    Tenant owner = Samples.tenant();
    Tenant taker = Samples.tenant();
    tenants.insert(owner);
    tenants.insert(taker);
    Tenant revised =
        taker.revise(
            taker.slug(),
            taker.name(),
            List.of(owner.hosts().getFirst()),
            List.of(),
            Samples.LATER);

    assertThatThrownBy(() -> tenants.update(revised))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("hosts"));

    assertThat(tenants.findById(taker.id())).contains(taker);
  }

  @Test
  void unstorableNameIsRejected() {
    Tenant tenant = Samples.tenant();
    Tenant withNul =
        new Tenant(
            tenant.id(),
            tenant.slug(),
            "Bad\uD800name",
            tenant.hosts(),
            tenant.locales(),
            1,
            Samples.CREATED,
            Samples.CREATED);

    assertThatThrownBy(() -> tenants.insert(withNul))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired UTF-16 surrogate");

    assertThat(tenants.findById(tenant.id())).isEmpty();
  }

  @Test
  void tenantWithoutHostsOrLocalesRoundTrips() {
    Tenant sample = Samples.tenant();
    Tenant tenant =
        new Tenant(
            sample.id(),
            sample.slug(),
            sample.name(),
            List.of(),
            List.of(),
            1,
            Samples.CREATED,
            Samples.CREATED);

    tenants.insert(tenant);

    assertThat(tenants.findById(tenant.id())).contains(tenant);
  }

  private static Tenant withSlug(Tenant tenant, Slug slug) {
    return new Tenant(
        tenant.id(),
        slug,
        tenant.name(),
        tenant.hosts(),
        tenant.locales(),
        tenant.version(),
        tenant.createdAt(),
        tenant.updatedAt());
  }

  private static Tenant withHosts(Tenant tenant, List<HostName> hosts) {
    return new Tenant(
        tenant.id(),
        tenant.slug(),
        tenant.name(),
        hosts,
        tenant.locales(),
        tenant.version(),
        tenant.createdAt(),
        tenant.updatedAt());
  }
}
