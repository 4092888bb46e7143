package io.rustok.core.testing.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateOutput;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A PostgreSQL database created for one test class and dropped by {@link #close()}.
 *
 * <p>{@link #create()} connects to the server of {@link PostgresServer#get()}, runs {@code CREATE
 * DATABASE rustok_test_<random>} and opens a connection pool on it. The new database is empty:
 * {@link #migrate()} applies the Flyway migrations found at {@value #MIGRATIONS_LOCATION} on the
 * class path, and {@link #migrateTo(String)} applies them up to one version.
 *
 * <p>Note that a JVM killed before {@link #close()} leaves its database behind; every such database
 * is named {@code rustok_test_} followed by 16 hexadecimal digits.
 */
public final class TestDatabase implements AutoCloseable {
  /** Flyway location of the migrations. */
  public static final String MIGRATIONS_LOCATION = "classpath:db/migration";

  private static final String NAME_PREFIX = "rustok_test_";
  private static final int POOL_SIZE = 8;

  private final PostgresServer server;
  private final String name;
  private final String jdbcUrl;
  private final HikariDataSource dataSource;
  private final DSLContext dsl;

  private TestDatabase(PostgresServer server, String name) {
    this.server = server;
    this.name = name;
    this.jdbcUrl = server.urlFor(name);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setPoolName(name);
    this.dataSource = new HikariDataSource(config);
    this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
  }

  /**
   * Creates an empty database on the test server.
   *
   * @throws IllegalStateException if there is no test server. The message explains how to name one.
   */
  public static TestDatabase create() {
    PostgresServer server = PostgresServer.get();
    String name = NAME_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    execute(server.adminUrl(), "CREATE DATABASE " + name);
    try {
      return new TestDatabase(server, name);
    } catch (RuntimeException e) {
      drop(server, name, e);
      throw e;
    }
  }

  /** Returns the database name, {@code rustok_test_} and 16 hexadecimal digits. */
  public String name() {
    return name;
  }

  /**
   * Returns a JDBC URL of this database that carries the server URL's parameters, credentials
   * included, so a test can open its own pools on it.
   */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** Returns the connection pool on this database, at most {@value #POOL_SIZE} connections. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Returns a jOOQ context on {@link #dataSource()}; each statement runs in autocommit. */
  public DSLContext dsl() {
    return dsl;
  }

  /**
   * Applies every pending migration found at {@value #MIGRATIONS_LOCATION}.
   *
   * @return versions of the migrations applied by this call, in order
   * @throws IllegalStateException if afterwards no migration has ever been applied, which means
   *     none was found on the class path
   */
  public List<String> migrate() {
    List<String> applied = versionsOf(flyway(null).migrate().migrations);
    if (appliedMigrations().isEmpty()) {
      throw new IllegalStateException(
          "No migration was applied to "
              + name
              + ": Flyway found none at "
              + MIGRATIONS_LOCATION
              + ". Put the module whose resources hold db/migration/V1__*.sql on the test class"
              + " path.");
    }
    return applied;
  }

  /**
   * Applies the pending migrations up to and including {@code version}, for tests of a migration
   * that need the schema as an older release left it.
   *
   * @throws IllegalStateException if the database is not at {@code version} afterwards
   */
  public void migrateTo(String version) {
    Flyway flyway = flyway(version);
    flyway.migrate();
    MigrationInfo current = flyway.info().current();
    MigrationVersion expected = MigrationVersion.fromVersion(version);
    if (current == null || !expected.equals(current.getVersion())) {
      throw new IllegalStateException(
          "Migration of "
              + name
              + " to version "
              + version
              + " stopped at "
              + (current == null ? "no version" : current.getVersion())
              + ": is there a migration V"
              + version
              + "__*.sql at "
              + MIGRATIONS_LOCATION
              + "?");
    }
  }

  /** Returns the versions recorded as successfully applied in Flyway's history, in order. */
  public List<String> appliedMigrations() {
    return Arrays.stream(flyway(null).info().applied())
        .filter(info -> info.getState().isApplied() && !info.getState().isFailed())
        .map(info -> info.getVersion().getVersion())
        .toList();
  }

  /** Empties every table of the current schema except Flyway's history. */
  public void truncateAllTables() {
    List<String> tables =
        dsl.fetch(
                "select quote_ident(tablename) from pg_tables"
                    + " where schemaname = current_schema() and tablename <> 'flyway_schema_history'")
            .getValues(0, String.class);
    if (!tables.isEmpty()) {
      dsl.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
    }
  }

  /** Closes the pool and drops the database, disconnecting any session still on it. */
  @Override
  public void close() {
    dataSource.close();
    drop(server, name, null);
  }

  private Flyway flyway(String target) {
    var configuration =
        Flyway.configure(Thread.currentThread().getContextClassLoader())
            .dataSource(dataSource)
            .locations(MIGRATIONS_LOCATION)
            .failOnMissingLocations(false);
    if (target != null) {
      configuration.target(target);
    }
    return configuration.load();
  }

  private static List<String> versionsOf(List<MigrateOutput> migrations) {
    return migrations.stream().map(migration -> migration.version).toList();
  }

  private static void drop(PostgresServer server, String name, RuntimeException pending) {
    try {
      execute(server.adminUrl(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (RuntimeException e) {
      if (pending == null) {
        throw e;
      }
      pending.addSuppressed(e);
    }
  }

  private static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Statement '" + sql + "' failed on " + PostgresServer.masked(url) + ": " + e.getMessage(),
          e);
    }
  }
}
