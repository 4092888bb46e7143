package io.rustok.core.application.tenancy;

import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.shared.Uuids;
import io.rustok.core.domain.shared.ValidationException;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.TenantId;

/** The way a request names its tenant: by id, by slug, or by one of its host names. */
public sealed interface TenantReference {
  record ById(TenantId id) implements TenantReference {}

  record BySlug(Slug slug) implements TenantReference {}

  record ByHost(HostName host) implements TenantReference {}

  /**
   * Parses an {@code X-Tenant-ID} style value: a UUID names a tenant by id, anything else must be a
   * slug.
   *
   * @throws ValidationException on {@code field} if the value is neither
   */
  static TenantReference parse(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(field, "is required: a tenant id (UUID) or slug");
    }
    String text = value.strip();
    if (Uuids.isCanonical(text)) {
      return new ById(TenantId.parse(text, field));
    }
    try {
      return new BySlug(Slug.of(text));
    } catch (ValidationException e) {
      throw new ValidationException(field, "must be a tenant id (UUID) or slug");
    }
  }
}
