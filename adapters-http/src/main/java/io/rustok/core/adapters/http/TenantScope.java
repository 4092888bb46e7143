package io.rustok.core.adapters.http;

import io.javalin.http.Context;
import io.rustok.core.application.tenancy.TenantReference;
import io.rustok.core.domain.shared.ValidationException;
import io.rustok.core.domain.tenancy.Tenant;

/** Resolves the tenant named by {@value #TENANT_HEADER}, a tenant id (UUID) or slug. */
final class TenantScope {
  static final String TENANT_HEADER = "X-Tenant-ID";

  private final TenantResolver resolver;

  TenantScope(TenantResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * Returns the request's tenant.
   *
   * @throws HttpProblem {@code invalid-header} when the header is missing or malformed, {@code
   *     tenant-not-found} when it names no tenant
   */
  Tenant tenant(Context ctx) {
    TenantReference reference;
    try {
      reference = TenantReference.parse(ctx.header(TENANT_HEADER), TENANT_HEADER);
    } catch (ValidationException e) {
      throw HttpProblem.forHeader(
          ProblemType.INVALID_HEADER, TENANT_HEADER, TENANT_HEADER + " " + e.reason() + ".");
    }
    return resolver
        .find(reference)
        .orElseThrow(
            () ->
                HttpProblem.forHeader(
                    ProblemType.TENANT_NOT_FOUND,
                    TENANT_HEADER,
                    "No tenant has the id or slug given in " + TENANT_HEADER + "."));
  }
}
