package io.rustok.core.adapters.http;

import io.rustok.core.application.tenancy.ResolveTenant;
import io.rustok.core.application.tenancy.TenantReference;
import io.rustok.core.domain.tenancy.Tenant;
import java.util.Optional;

/**
 * Finds the tenant that a request names in {@code X-Tenant-ID}. Pass {@link ResolveTenant#find}
 * directly, or a caching wrapper around it. The adapter calls it once per tenant-scoped request.
 */
@FunctionalInterface
public interface TenantResolver {
  /** Returns the tenant with this id or slug, or empty if there is none. */
  Optional<Tenant> find(TenantReference reference);
}
