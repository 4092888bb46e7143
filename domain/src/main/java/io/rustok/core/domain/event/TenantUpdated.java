package io.rustok.core.domain.event;

import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.List;

/** A tenant's slug, name or host names changed; the event carries the new values of all three. */
@EventSchema(type = "tenant.updated", version = 1)
public record TenantUpdated(TenantId tenantId, Slug slug, String name, List<HostName> hosts)
    implements TenantEvent {}
