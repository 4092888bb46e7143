package io.rustok.core.adapters.jooq;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the schema migrations that this module ships at {@value #LOCATION}, with Flyway. */
public final class PostgresMigrations {
  /** Class-path location of the migrations. */
  public static final String LOCATION = "classpath:db/migration";

  private static final Logger log = LoggerFactory.getLogger(PostgresMigrations.class);

  private PostgresMigrations() {}

  /**
   * Applies every pending migration on a connection of its own, outside the pool, so the pool's
   * statement timeout does not apply.
   *
   * @return how many migrations this call applied
   */
  public static int migrate(PostgresConfig config) {
    MigrateResult result =
        Flyway.configure(PostgresMigrations.class.getClassLoader())
            .dataSource(
                config.jdbcUrl(), config.username().orElse(null), config.password().orElse(null))
            .locations(LOCATION)
            .failOnMissingLocations(true)
            .load()
            .migrate();
    if (result.migrationsExecuted == 0) {
      log.info("Database schema is up to date version={}", result.initialSchemaVersion);
    } else {
      log.info(
          "Database schema migrated from={} to={} applied={}",
          result.initialSchemaVersion,
          result.targetSchemaVersion,
          result.migrationsExecuted);
    }
    return result.migrationsExecuted;
  }
}
