package io.rustok.core.domain.event;

import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.List;

/** A tenant was created. */
@EventSchema(type = "tenant.created", version = 1)
public record TenantCreated(
    TenantId tenantId, Slug slug, String name, List<HostName> hosts, List<LocaleCode> locales)
    implements TenantEvent {}
