package io.rustok.core.domain;

import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds tenants for domain tests, which cannot use the test fixtures without a module cycle. */
final class TenantBuilderless {
  private TenantBuilderless() {}

  static Tenant tenantWithSlug(String slug) {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    return new Tenant(
        new TenantId(UUID.randomUUID()), Slug.of(slug), "Name", List.of(), List.of(), 1, now, now);
  }
}
