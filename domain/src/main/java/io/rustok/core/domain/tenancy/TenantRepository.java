package io.rustok.core.domain.tenancy;

import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.shared.Slug;
import java.util.Optional;

/**
 * Storage of tenants and their host names. Writes take part in the current unit of work.
 *
 * <p>Slugs and host names are unique across tenants; a write that would repeat one throws {@link
 * DuplicateException} with field {@code slug} or {@code hosts}.
 */
public interface TenantRepository {
  void insert(Tenant tenant);

  /**
   * Replaces the stored tenant, host names included, if its stored version is {@code
   * tenant.version() - 1}.
   *
   * @return false if the tenant does not exist or was changed by someone else in the meantime
   */
  boolean update(Tenant tenant);

  Optional<Tenant> findById(TenantId id);

  Optional<Tenant> findBySlug(Slug slug);

  Optional<Tenant> findByHost(HostName host);
}
