-- Tenants, content nodes and the transactional outbox.
-- Every timestamp is timestamptz, so stored instants never depend on a session or JVM time zone.

create table tenants (
    id         uuid        not null,
    slug       text        not null,
    name       text        not null,
    -- Enabled locales in the order the tenant gave them.
    locales    text[]      not null default '{}',
    version    bigint      not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint tenants_pkey primary key (id),
    constraint tenants_slug_unique unique (slug),
    constraint tenants_version_positive check (version >= 1)
);

create table tenant_hosts (
    host      text    not null,
    tenant_id uuid    not null,
    -- Index of the host in the tenant's list, so hosts come back in the order given.
    position  integer not null,
    constraint tenant_hosts_pkey primary key (host),
    constraint tenant_hosts_tenant_fkey foreign key (tenant_id) references tenants (id)
        on delete cascade
);

create index tenant_hosts_tenant_idx on tenant_hosts (tenant_id, position);

-- nodes.tenant_id and nodes.parent_id are not foreign keys. The node port stores a node for any
-- tenant and parent id it is given, the use cases check that a parent exists in the tenant, and
-- deleting a node leaves its children in place.
create table nodes (
    id           uuid        not null,
    tenant_id    uuid        not null,
    kind         text        not null,
    status       text        not null,
    author_id    uuid,
    parent_id    uuid,
    position     integer     not null default 0,
    metadata     jsonb       not null default '{}',
    -- Optimistic locking: an update or delete names the version it read.
    version      bigint      not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    published_at timestamptz,
    constraint nodes_pkey primary key (id),
    -- Lets translations reference (tenant_id, id), and serves keyset pages newest first.
    constraint nodes_tenant_id_unique unique (tenant_id, id),
    constraint nodes_status_known check (status in ('draft', 'published')),
    constraint nodes_published_at_set check ((status = 'published') = (published_at is not null)),
    constraint nodes_position_not_negative check (position >= 0),
    constraint nodes_version_positive check (version >= 1),
    constraint nodes_metadata_object check (jsonb_typeof(metadata) = 'object')
);

create index nodes_tenant_kind_idx on nodes (tenant_id, kind, id);

create table node_translations (
    node_id   uuid    not null,
    tenant_id uuid    not null,
    locale    text    not null,
    -- Index of the translation in the node's list, so translations come back in the order given.
    position  integer not null,
    title     text    not null,
    slug      text    not null,
    excerpt   text,
    constraint node_translations_pkey primary key (node_id, locale),
    constraint node_translations_node_fkey foreign key (tenant_id, node_id)
        references nodes (tenant_id, id) on delete cascade,
    constraint node_translations_slug_unique unique (tenant_id, locale, slug)
);

create table node_bodies (
    node_id  uuid    not null,
    locale   text    not null,
    position integer not null,
    body     text    not null,
    constraint node_bodies_pkey primary key (node_id, locale),
    constraint node_bodies_node_fkey foreign key (node_id) references nodes (id) on delete cascade
);

-- The outbox. payload is the whole event envelope as JSON. A row is claimed by writing a random
-- token into claimed_by and a lease end into claimed_until. A lease that ran out makes the row due
-- again, so a relay that dies mid-batch keeps no row for ever.
create table sys_events (
    id              uuid        not null,
    payload         jsonb       not null,
    status          text        not null default 'pending',
    retry_count     integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    claimed_by      uuid,
    claimed_until   timestamptz,
    created_at      timestamptz not null default now(),
    dispatched_at   timestamptz,
    constraint sys_events_pkey primary key (id),
    constraint sys_events_status_known check (status in ('pending', 'dispatched', 'failed')),
    constraint sys_events_retry_count_not_negative check (retry_count >= 0)
);

-- The claim query walks pending rows oldest first and skips those not yet due or still leased.
-- "Due" compares with now(), which an index predicate cannot use, so the index contains every
-- pending row and stays small as long as the relay keeps up.
create index sys_events_pending_idx on sys_events (created_at, id) where status = 'pending';

-- Operators list dead-lettered rows newest first.
create index sys_events_failed_idx on sys_events (created_at desc, id desc) where status = 'failed';
