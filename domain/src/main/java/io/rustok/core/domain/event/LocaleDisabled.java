package io.rustok.core.domain.event;

import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.tenancy.TenantId;

/** A tenant disabled a locale. */
@EventSchema(type = "locale.disabled", version = 1)
public record LocaleDisabled(TenantId tenantId, LocaleCode locale) implements TenantEvent {}
