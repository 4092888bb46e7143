package io.rustok.core.domain.tenancy;

import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.shared.Slug;
import java.util.Optional;

/**
 * Storage of tenants and their host names. Writes take part in the current unit of work.
 *
 * <p>Slugs and host names are unique across tenants; a write that would repeat one throws {@link
 * DuplicateException} with field {@code slug} or {@code hosts}.
 *
 * <p>Shown by {@code UnitOfWorkContract#rollbackDiscardsTenantInsert}, {@code
 * UnitOfWorkContract#rollbackDiscardsTenantUpdate}, {@code
 * TenantRepositoryContract#takenSlugIsRejected} and {@code
 * TenantRepositoryContract#takenHostIsRejected}.
 */
public interface TenantRepository {
  /**
   * Stores a new tenant with its host names. A tenant may have no host names.
   *
   * <p>Shown by {@code TenantRepositoryContract#insertedTenantIsFoundByEveryKey}, {@code
   * TenantRepositoryContract#tenantWithoutHostsIsStored}, {@code
   * TenantRepositoryContract#takenSlugIsRejected}, {@code
   * TenantRepositoryContract#takenHostIsRejected} and {@code
   * TenantRepositoryContract#duplicateRollsBackTheWholeUnit}.
   *
   * @throws DuplicateException if another tenant has its slug or one of its host names
   */
  void insert(Tenant tenant);

  /**
   * Replaces the stored tenant, host names included, if its stored version is {@code
   * tenant.version() - 1}. The slug and host names it gives up are free for other tenants at once,
   * within the same unit too.
   *
   * <p>Shown by {@code TenantRepositoryContract#updateReplacesFieldsSlugAndHosts}, {@code
   * TenantRepositoryContract#updateKeepingOwnSlugAndHostsSucceeds}, {@code
   * TenantRepositoryContract#updateFromStaleVersionReturnsFalse}, {@code
   * TenantRepositoryContract#updateSkippingVersionReturnsFalse}, {@code
   * TenantRepositoryContract#updateOfUnknownTenantReturnsFalse}, {@code
   * TenantRepositoryContract#updateToTakenSlugIsRejected}, {@code
   * TenantRepositoryContract#updateToTakenHostIsRejected}, {@code
   * TenantRepositoryContract#releasedSlugAndHostAreReusable} and {@code
   * TenantRepositoryContract#hostMovesBetweenTenantsInOneUnit}.
   *
   * @return false if the tenant does not exist or was changed by someone else in the meantime
   * @throws DuplicateException if another tenant has the new slug or one of the new host names
   */
  boolean update(Tenant tenant);

  /**
   * Returns the tenant with this id, or empty if there is none.
   *
   * <p>Shown by {@code TenantRepositoryContract#insertedTenantIsFoundByEveryKey} and {@code
   * TenantRepositoryContract#unknownTenantIsNotFound}.
   */
  Optional<Tenant> findById(TenantId id);

  /**
   * Returns the tenant with this slug, or empty if there is none.
   *
   * <p>Shown by {@code TenantRepositoryContract#insertedTenantIsFoundByEveryKey} and {@code
   * TenantRepositoryContract#unknownTenantIsNotFound}.
   */
  Optional<Tenant> findBySlug(Slug slug);

  /**
   * Returns the tenant that has this host name, or empty if none has. A host name parsed from the
   * way a client writes it, in upper case or with a trailing dot, finds the tenant too.
   *
   * <p>Shown by {@code TenantRepositoryContract#insertedTenantIsFoundByEveryKey}, {@code
   * TenantRepositoryContract#unknownTenantIsNotFound} and {@code
   * TenantRepositoryContract#hostLookupMatchesHowClientsWriteIt}.
   */
  Optional<Tenant> findByHost(HostName host);
}
