package io.rustok.core.domain.event;

import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.tenancy.TenantId;

/** A tenant enabled a locale. */
@EventSchema(type = "locale.enabled", version = 1)
public record LocaleEnabled(TenantId tenantId, LocaleCode locale) implements TenantEvent {}
