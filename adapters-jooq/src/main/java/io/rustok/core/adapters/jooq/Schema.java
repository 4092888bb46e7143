package io.rustok.core.adapters.jooq;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Tables and typed columns of the schema that the Flyway migrations in {@code db/migration} create,
 * declared by hand because the build generates no code. A column rename needs a migration and a
 * change here.
 */
final class Schema {
  private static final DataType<Instant> TIMESTAMPTZ = SQLDataType.INSTANT;

  /** The database's {@code now()}: the start time of the current transaction. */
  static final Field<Instant> NOW = field("now()", TIMESTAMPTZ);

  /**
   * Returns {@code time + amount}, computed by the database. The amount is cut to whole
   * microseconds, the precision of {@code timestamptz}.
   */
  static Field<Instant> plus(Field<Instant> time, Duration amount) {
    long micros = Math.multiplyExact(amount.getSeconds(), 1_000_000L) + amount.getNano() / 1_000;
    return field("({0} + {1} * interval '1 microsecond')", TIMESTAMPTZ, time, DSL.val(micros));
  }

  private Schema() {}

  /**
   * Returns the instant as {@code timestamptz} stores it: cut to whole microseconds. PostgreSQL
   * would round the nanoseconds instead, so cutting here makes what is stored predictable.
   */
  static Instant storable(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Returns a multi-row insert: {@code into}, such as {@code insert into t (a, b)}, followed by
   * {@code values} and {@code count} copies of {@code row}, such as {@code (?, ?)}.
   */
  static String multiRowInsert(String into, String row, int count) {
    StringBuilder sql = new StringBuilder(into);
    for (int i = 0; i < count; i++) {
      sql.append(i == 0 ? " values " : ", ").append(row);
    }
    return sql.toString();
  }

  /** Returns {@code column} as a column of {@code alias}, such as {@code candidate.id}. */
  static <T> Field<T> columnOf(Table<?> alias, Field<T> column) {
    return field(name(alias.getName(), column.getName()), column.getDataType());
  }

  static final class Tenants {
    static final Table<Record> TABLE = table(name("tenants"));
    static final Field<UUID> ID = field(name("tenants", "id"), SQLDataType.UUID);
    static final Field<String> SLUG = field(name("tenants", "slug"), SQLDataType.CLOB);
    static final Field<String> NAME = field(name("tenants", "name"), SQLDataType.CLOB);
    static final Field<String[]> LOCALES =
        field(name("tenants", "locales"), SQLDataType.CLOB.array());
    static final Field<Long> VERSION = field(name("tenants", "version"), SQLDataType.BIGINT);
    static final Field<Instant> CREATED_AT = field(name("tenants", "created_at"), TIMESTAMPTZ);
    static final Field<Instant> UPDATED_AT = field(name("tenants", "updated_at"), TIMESTAMPTZ);

    private Tenants() {}
  }

  static final class TenantHosts {
    static final Table<Record> TABLE = table(name("tenant_hosts"));
    static final Field<String> HOST = field(name("tenant_hosts", "host"), SQLDataType.CLOB);
    static final Field<UUID> TENANT_ID = field(name("tenant_hosts", "tenant_id"), SQLDataType.UUID);
    static final Field<Integer> POSITION =
        field(name("tenant_hosts", "position"), SQLDataType.INTEGER);

    private TenantHosts() {}
  }

  static final class Nodes {
    static final Table<Record> TABLE = table(name("nodes"));
    static final Field<UUID> ID = field(name("nodes", "id"), SQLDataType.UUID);
    static final Field<UUID> TENANT_ID = field(name("nodes", "tenant_id"), SQLDataType.UUID);
    static final Field<String> KIND = field(name("nodes", "kind"), SQLDataType.CLOB);
    static final Field<String> STATUS = field(name("nodes", "status"), SQLDataType.CLOB);
    static final Field<UUID> AUTHOR_ID = field(name("nodes", "author_id"), SQLDataType.UUID);
    static final Field<UUID> PARENT_ID = field(name("nodes", "parent_id"), SQLDataType.UUID);
    static final Field<Integer> POSITION = field(name("nodes", "position"), SQLDataType.INTEGER);
    static final Field<JSONB> METADATA = field(name("nodes", "metadata"), SQLDataType.JSONB);
    static final Field<Long> VERSION = field(name("nodes", "version"), SQLDataType.BIGINT);
    static final Field<Instant> CREATED_AT = field(name("nodes", "created_at"), TIMESTAMPTZ);
    static final Field<Instant> UPDATED_AT = field(name("nodes", "updated_at"), TIMESTAMPTZ);
    static final Field<Instant> PUBLISHED_AT = field(name("nodes", "published_at"), TIMESTAMPTZ);

    private Nodes() {}
  }

  static final class NodeTranslations {
    static final Table<Record> TABLE = table(name("node_translations"));
    static final Field<UUID> NODE_ID =
        field(name("node_translations", "node_id"), SQLDataType.UUID);
    static final Field<UUID> TENANT_ID =
        field(name("node_translations", "tenant_id"), SQLDataType.UUID);
    static final Field<String> LOCALE =
        field(name("node_translations", "locale"), SQLDataType.CLOB);
    static final Field<Integer> POSITION =
        field(name("node_translations", "position"), SQLDataType.INTEGER);
    static final Field<String> TITLE = field(name("node_translations", "title"), SQLDataType.CLOB);
    static final Field<String> SLUG = field(name("node_translations", "slug"), SQLDataType.CLOB);
    static final Field<String> EXCERPT =
        field(name("node_translations", "excerpt"), SQLDataType.CLOB);

    private NodeTranslations() {}
  }

  static final class NodeBodies {
    static final Table<Record> TABLE = table(name("node_bodies"));
    static final Field<UUID> NODE_ID = field(name("node_bodies", "node_id"), SQLDataType.UUID);
    static final Field<String> LOCALE = field(name("node_bodies", "locale"), SQLDataType.CLOB);
    static final Field<Integer> POSITION =
        field(name("node_bodies", "position"), SQLDataType.INTEGER);
    static final Field<String> BODY = field(name("node_bodies", "body"), SQLDataType.CLOB);

    private NodeBodies() {}
  }

  static final class SysEvents {
    static final Table<Record> TABLE = table(name("sys_events"));
    static final Field<UUID> ID = field(name("sys_events", "id"), SQLDataType.UUID);
    static final Field<JSONB> PAYLOAD = field(name("sys_events", "payload"), SQLDataType.JSONB);
    static final Field<String> EVENT_TYPE =
        field(name("sys_events", "event_type"), SQLDataType.CLOB);
    static final Field<Integer> SCHEMA_VERSION =
        field(name("sys_events", "schema_version"), SQLDataType.INTEGER);
    static final Field<String> STATUS = field(name("sys_events", "status"), SQLDataType.CLOB);
    static final Field<Integer> RETRY_COUNT =
        field(name("sys_events", "retry_count"), SQLDataType.INTEGER);
    static final Field<Instant> NEXT_ATTEMPT_AT =
        field(name("sys_events", "next_attempt_at"), TIMESTAMPTZ);
    static final Field<String> LAST_ERROR =
        field(name("sys_events", "last_error"), SQLDataType.CLOB);
    static final Field<UUID> CLAIMED_BY = field(name("sys_events", "claimed_by"), SQLDataType.UUID);
    static final Field<Instant> CLAIMED_UNTIL =
        field(name("sys_events", "claimed_until"), TIMESTAMPTZ);
    static final Field<Instant> CREATED_AT = field(name("sys_events", "created_at"), TIMESTAMPTZ);
    static final Field<Instant> DISPATCHED_AT =
        field(name("sys_events", "dispatched_at"), TIMESTAMPTZ);

    private SysEvents() {}
  }
}
