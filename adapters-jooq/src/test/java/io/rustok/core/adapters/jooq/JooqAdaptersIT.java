package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.testing.postgres.PostgresExtension;
import io.rustok.core.testing.postgres.TestDatabase;
import java.time.Duration;
import java.util.TimeZone;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqAdaptersIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();

  @Test
  void startMigratesEmptyDatabase() {
    try (TestDatabase empty = TestDatabase.create();
        JooqAdapters adapters =
            JooqAdapters.start(PostgresConfig.of(empty.jdbcUrl()), new JsonEnvelopeCodec())) {
      Tenant tenant = Samples.tenant();

      adapters.tenants().insert(tenant);

      assertThat(empty.appliedMigrations()).containsExactly("1", "2", "3");
      assertThat(adapters.tenants().findById(tenant.id())).contains(tenant);
    }
  }

  @Test
  void startWithoutMigrationLeavesSchemaAlone() {
    try (TestDatabase empty = TestDatabase.create();
        JooqAdapters adapters =
            JooqAdapters.start(
                PostgresConfig.of(empty.jdbcUrl()).withMigrate(false), new JsonEnvelopeCodec())) {

      assertThat(empty.appliedMigrations()).isEmpty();
      assertThatThrownBy(() -> adapters.outbox().stats())
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("sys_events");
    }
  }

  @Test
  void statementTimeoutStopsLongStatements() {
    PostgresConfig config =
        PostgresConfig.of(db.jdbcUrl())
            .withMigrate(false)
            .withStatementTimeout(Duration.ofMillis(200));
    try (JooqAdapters adapters = JooqAdapters.start(config, new JsonEnvelopeCodec())) {
      var dsl = DSL.using(adapters.dataSource(), org.jooq.SQLDialect.POSTGRES);

      assertThat(dsl.fetchValue("show statement_timeout")).isEqualTo("200ms");
      assertThatThrownBy(() -> dsl.execute("select pg_sleep(5)"))
          .isInstanceOfSatisfying(
              DataAccessException.class, e -> assertThat(e.sqlState()).isEqualTo("57014"));
    }
  }

  @Test
  void instantsIgnoreJvmTimeZone() {
    TimeZone original = TimeZone.getDefault();
    Tenant tenant = Samples.tenant();
    PostgresConfig config = PostgresConfig.of(db.jdbcUrl()).withMigrate(false);
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
      try (JooqAdapters writer = JooqAdapters.start(config, new JsonEnvelopeCodec())) {
        writer.tenants().insert(tenant);
      }
      TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
      try (JooqAdapters reader = JooqAdapters.start(config, new JsonEnvelopeCodec())) {
        assertThat(reader.tenants().findById(tenant.id())).contains(tenant);
      }
    } finally {
      TimeZone.setDefault(original);
    }

    Object storedUtc =
        db.dsl()
            .fetchValue(
                "select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')"
                    + " from tenants where id = ?::uuid",
                tenant.id().value().toString());
    assertThat(storedUtc).isEqualTo("2025-03-04T05:06:07.123456");
  }
}
