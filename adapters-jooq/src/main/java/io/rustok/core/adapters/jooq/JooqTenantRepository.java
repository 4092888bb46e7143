package io.rustok.core.adapters.jooq;

import static io.rustok.core.adapters.jooq.Schema.storable;
import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.select;

import io.rustok.core.adapters.jooq.Schema.TenantHosts;
import io.rustok.core.adapters.jooq.Schema.Tenants;
import io.rustok.core.adapters.jooq.UniqueViolations.Clash;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.domain.tenancy.TenantRepository;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep3;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;

/**
 * {@link TenantRepository} on the {@code tenants} and {@code tenant_hosts} tables.
 *
 * <p>A tenant and its host names are read in one statement, so a reader never sees the hosts of one
 * version beside the row of another. A write runs in the current unit of work, or in a unit of its
 * own when none is active.
 */
public final class JooqTenantRepository implements TenantRepository {
  private static final Map<String, Clash> CLASHES =
      Map.of(
          "tenants_pkey", new Clash("id", "A tenant with this id already exists"),
          "tenants_slug_unique", new Clash("slug", "The slug is already used by another tenant"),
          "tenant_hosts_pkey",
              new Clash("hosts", "A host name is already registered for another tenant"));

  private static final Field<String[]> HOSTS =
      array(
              select(TenantHosts.HOST)
                  .from(TenantHosts.TABLE)
                  .where(TenantHosts.TENANT_ID.eq(Tenants.ID))
                  .orderBy(TenantHosts.POSITION))
          .as("hosts");

  private final JooqUnitOfWork unitOfWork;

  public JooqTenantRepository(JooqUnitOfWork unitOfWork) {
    this.unitOfWork = Require.notNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void insert(Tenant tenant) {
    Require.notNull(tenant, "tenant");
    requireStorableName(tenant);
    unitOfWork.execute(
        () -> {
          DSLContext dsl = unitOfWork.dsl();
          try {
            dsl.insertInto(Tenants.TABLE)
                .set(Tenants.ID, tenant.id().value())
                .set(Tenants.SLUG, tenant.slug().value())
                .set(Tenants.NAME, tenant.name())
                .set(Tenants.LOCALES, localesOf(tenant))
                .set(Tenants.VERSION, tenant.version())
                .set(Tenants.CREATED_AT, storable(tenant.createdAt()))
                .set(Tenants.UPDATED_AT, storable(tenant.updatedAt()))
                .execute();
            insertHosts(dsl, tenant);
          } catch (DataAccessException e) {
            throw UniqueViolations.translate(e, CLASHES);
          }
          return null;
        });
  }

  @Override
  public boolean update(Tenant tenant) {
    Require.notNull(tenant, "tenant");
    requireStorableName(tenant);
    return unitOfWork.execute(
        () -> {
          DSLContext dsl = unitOfWork.dsl();
          try {
            int updated =
                dsl.update(Tenants.TABLE)
                    .set(Tenants.SLUG, tenant.slug().value())
                    .set(Tenants.NAME, tenant.name())
                    .set(Tenants.LOCALES, localesOf(tenant))
                    .set(Tenants.VERSION, tenant.version())
                    .set(Tenants.UPDATED_AT, storable(tenant.updatedAt()))
                    .where(Tenants.ID.eq(tenant.id().value()))
                    .and(Tenants.VERSION.eq(tenant.version() - 1))
                    .execute();
            if (updated == 0) {
              return false;
            }
            dsl.deleteFrom(TenantHosts.TABLE)
                .where(TenantHosts.TENANT_ID.eq(tenant.id().value()))
                .execute();
            insertHosts(dsl, tenant);
            return true;
          } catch (DataAccessException e) {
            throw UniqueViolations.translate(e, CLASHES);
          }
        });
  }

  @Override
  public Optional<Tenant> findById(TenantId id) {
    Require.notNull(id, "id");
    return findWhere(Tenants.ID.eq(id.value()));
  }

  @Override
  public Optional<Tenant> findBySlug(Slug slug) {
    Require.notNull(slug, "slug");
    return findWhere(Tenants.SLUG.eq(slug.value()));
  }

  @Override
  public Optional<Tenant> findByHost(HostName host) {
    Require.notNull(host, "host");
    return findWhere(
        Tenants.ID.in(
            select(TenantHosts.TENANT_ID)
                .from(TenantHosts.TABLE)
                .where(TenantHosts.HOST.eq(host.value()))));
  }

  private Optional<Tenant> findWhere(Condition condition) {
    return unitOfWork
        .dsl()
        .select(
            Tenants.ID,
            Tenants.SLUG,
            Tenants.NAME,
            Tenants.LOCALES,
            Tenants.VERSION,
            Tenants.CREATED_AT,
            Tenants.UPDATED_AT,
            HOSTS)
        .from(Tenants.TABLE)
        .where(condition)
        .fetchOptional()
        .map(JooqTenantRepository::toTenant);
  }

  private static void insertHosts(DSLContext dsl, Tenant tenant) {
    if (tenant.hosts().isEmpty()) {
      return;
    }
    InsertValuesStep3<Record, String, UUID, Integer> insert =
        dsl.insertInto(
            TenantHosts.TABLE, TenantHosts.HOST, TenantHosts.TENANT_ID, TenantHosts.POSITION);
    List<HostName> hosts = tenant.hosts();
    for (int position = 0; position < hosts.size(); position++) {
      insert = insert.values(hosts.get(position).value(), tenant.id().value(), position);
    }
    insert.execute();
  }

  private static void requireStorableName(Tenant tenant) {
    PostgresText.problemInText(tenant.name())
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(
                  "Tenant "
                      + tenant.id()
                      + " cannot be stored: its name contains "
                      + problem
                      + ", which PostgreSQL cannot store");
            });
  }

  private static String[] localesOf(Tenant tenant) {
    return tenant.locales().stream().map(LocaleCode::value).toArray(String[]::new);
  }

  private static Tenant toTenant(Record row) {
    return new Tenant(
        new TenantId(row.get(Tenants.ID)),
        new Slug(row.get(Tenants.SLUG)),
        row.get(Tenants.NAME),
        Arrays.stream(row.get(HOSTS)).map(HostName::new).toList(),
        Arrays.stream(row.get(Tenants.LOCALES)).map(LocaleCode::new).toList(),
        row.get(Tenants.VERSION),
        row.get(Tenants.CREATED_AT),
        row.get(Tenants.UPDATED_AT));
  }
}
