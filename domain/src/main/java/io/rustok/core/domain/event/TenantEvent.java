package io.rustok.core.domain.event;

import io.rustok.core.domain.tenancy.TenantId;
import java.util.UUID;

/** Event about one tenant. */
public sealed interface TenantEvent extends DomainEvent
    permits TenantCreated, TenantUpdated, LocaleEnabled, LocaleDisabled {
  String AGGREGATE_TYPE = "tenant";

  TenantId tenantId();

  @Override
  default String aggregateType() {
    return AGGREGATE_TYPE;
  }

  @Override
  default UUID aggregateId() {
    return tenantId().value();
  }
}
