package io.rustok.core.adapters.inmemory;

import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.domain.tenancy.TenantRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tenants in memory, indexed by id, slug and host name. Writes join the current unit of work of the
 * shared {@link InMemoryUnitOfWork}; a write with no unit active runs in a unit of its own.
 *
 * <p>Inserting a tenant whose id is already stored throws {@link DuplicateException} with field
 * {@code id}, as a primary key would.
 */
public final class InMemoryTenantRepository implements TenantRepository {
  private final InMemoryUnitOfWork unitOfWork;
  private final Map<TenantId, Tenant> byId = new HashMap<>();
  private final Map<Slug, TenantId> idBySlug = new HashMap<>();
  private final Map<HostName, TenantId> idByHost = new HashMap<>();

  public InMemoryTenantRepository(InMemoryUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void insert(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    unitOfWork.write(
        () -> {
          if (byId.containsKey(tenant.id())) {
            throw new DuplicateException("id", "tenant " + tenant.id() + " already exists");
          }
          requireUnique(tenant);
          replace(null, tenant);
          unitOfWork.recordUndo(() -> replace(tenant, null));
          return null;
        });
  }

  @Override
  public boolean update(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return unitOfWork.write(
        () -> {
          Tenant stored = byId.get(tenant.id());
          if (stored == null || stored.version() != tenant.version() - 1) {
            return false;
          }
          requireUnique(tenant);
          replace(stored, tenant);
          unitOfWork.recordUndo(() -> replace(tenant, stored));
          return true;
        });
  }

  @Override
  public Optional<Tenant> findById(TenantId id) {
    Objects.requireNonNull(id, "id");
    return unitOfWork.read(() -> Optional.ofNullable(byId.get(id)));
  }

  @Override
  public Optional<Tenant> findBySlug(Slug slug) {
    Objects.requireNonNull(slug, "slug");
    return unitOfWork.read(() -> Optional.ofNullable(idBySlug.get(slug)).map(byId::get));
  }

  @Override
  public Optional<Tenant> findByHost(HostName host) {
    Objects.requireNonNull(host, "host");
    return unitOfWork.read(() -> Optional.ofNullable(idByHost.get(host)).map(byId::get));
  }

  /** Throws if another tenant already uses the slug or one of the host names. */
  private void requireUnique(Tenant tenant) {
    TenantId slugOwner = idBySlug.get(tenant.slug());
    if (slugOwner != null && !slugOwner.equals(tenant.id())) {
      throw new DuplicateException(
          "slug", "tenant slug " + tenant.slug() + " is already used by another tenant");
    }
    for (HostName host : tenant.hosts()) {
      TenantId hostOwner = idByHost.get(host);
      if (hostOwner != null && !hostOwner.equals(tenant.id())) {
        throw new DuplicateException(
            "hosts", "host name " + host + " is already registered to another tenant");
      }
    }
  }

  /** Replaces one stored version of a tenant by another, either of which may be null. */
  private void replace(Tenant old, Tenant replacement) {
    if (old != null) {
      byId.remove(old.id());
      idBySlug.remove(old.slug());
      old.hosts().forEach(idByHost::remove);
    }
    if (replacement != null) {
      byId.put(replacement.id(), replacement);
      idBySlug.put(replacement.slug(), replacement.id());
      replacement.hosts().forEach(host -> idByHost.put(host, replacement.id()));
    }
  }
}
