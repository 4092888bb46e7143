package io.rustok.core.adapters.http.tenancy;

import io.rustok.core.application.tenancy.TenantReference;
import java.util.Objects;

/** Source of the tenant name of a tenant-scoped request. */
public sealed interface TenantSource {
  /** {@code X-Tenant-ID} carries a tenant id (UUID) or slug. */
  record Header() implements TenantSource {}

  /**
   * The request's host is one of the tenant's host names, read as {@link RequestHost} describes.
   */
  record Host(TrustedProxies trustedProxies) implements TenantSource {
    public Host {
      Objects.requireNonNull(trustedProxies, "trustedProxies");
    }
  }

  /** Tenant resolution is disabled: every request belongs to this one tenant. */
  record Disabled(TenantReference defaultTenant) implements TenantSource {
    public Disabled {
      Objects.requireNonNull(defaultTenant, "defaultTenant");
    }
  }

  /** Returns the name of this source as the metrics tag it and its configuration use. */
  default String tagValue() {
    return switch (this) {
      case Header header -> "header";
      case Host host -> "host";
      case Disabled disabled -> "disabled";
    };
  }
}
