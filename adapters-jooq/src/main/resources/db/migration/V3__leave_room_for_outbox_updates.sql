-- A relay updates every outbox row twice after its insert: once to claim it and once to record
-- its outcome. The claim changes no indexed column, so when the row's page has room PostgreSQL
-- writes the new row version to that page as a heap-only tuple, with no new index entries.
-- Filling new pages only half full keeps that room. It applies to pages written from now on;
-- existing pages keep their layout until they are rewritten.
alter table sys_events set (fillfactor = 50);
