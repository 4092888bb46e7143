-- Event type and schema version as columns, so operators and upcasters can find the rows of one
-- type and version without reading every payload.
--
-- Existing rows take both values from their payload. A row whose payload lacks them fails the
-- NOT NULL below and stops the migration: a guessed placeholder would hide a damaged event.

alter table sys_events
    add column event_type     text,
    add column schema_version integer;

update sys_events
set event_type     = payload ->> 'eventType',
    schema_version = (payload ->> 'schemaVersion')::integer;

alter table sys_events
    alter column event_type set not null,
    alter column schema_version set not null;

create index sys_events_type_version_idx on sys_events (event_type, schema_version);
