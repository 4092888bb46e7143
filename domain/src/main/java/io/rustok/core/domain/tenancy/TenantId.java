package io.rustok.core.domain.tenancy;

import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.Uuids;
import io.rustok.core.domain.shared.ValidationException;
import java.util.UUID;

/** Identifier of a tenant. */
public record TenantId(UUID value) {
  public TenantId {
    Require.notNull(value, "value");
  }

  /** Parses the canonical UUID text form; anything else is a {@link ValidationException}. */
  public static TenantId parse(String text, String field) {
    return new TenantId(Uuids.parse(text, field));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
