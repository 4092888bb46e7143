package io.rustok.core.testing.postgres;

import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that gives a test class a fresh PostgreSQL database, a {@link TestDatabase}.
 *
 * <p>Before the class's first test it creates {@code rustok_test_<random>} on the server named by
 * the environment variable {@code RUSTOK_TEST_DATABASE_URL}, a JDBC URL that may carry {@code user}
 * and {@code password} parameters, such as {@code
 * jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}. If the variable is not set, it starts
 * PostgreSQL 15 with Testcontainers, once per JVM. If neither works, the class fails, with a
 * message that names the variable to set. It is never skipped. After the class's last test the
 * database is dropped.
 *
 * <p>{@link #migrated()}, and {@code @ExtendWith(PostgresExtension.class)}, apply every Flyway
 * migration found at {@code classpath:db/migration} before the first test, and fail if none was
 * applied. {@link #empty()} applies none, for tests that call {@link #migrateTo(String)} and {@link
 * #migrate()} themselves.
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();
 * }</pre>
 *
 * <p>With {@code @ExtendWith}, tests and lifecycle methods receive the database as a parameter of
 * type {@link TestDatabase}, {@link DataSource} or {@link DSLContext}. Nested classes share the
 * database of their enclosing class.
 */
public final class PostgresExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private final boolean migrateBeforeAll;
  private TestDatabase database;
  private String ownerId;

  /** Creates an extension that applies every migration; the form {@code @ExtendWith} uses. */
  public PostgresExtension() {
    this(true);
  }

  private PostgresExtension(boolean migrateBeforeAll) {
    this.migrateBeforeAll = migrateBeforeAll;
  }

  /** Returns an extension whose database has every migration applied before the first test. */
  public static PostgresExtension migrated() {
    return new PostgresExtension(true);
  }

  /** Returns an extension whose database starts with no migration applied. */
  public static PostgresExtension empty() {
    return new PostgresExtension(false);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (database != null) {
      return;
    }
    TestDatabase created = TestDatabase.create();
    try {
      if (migrateBeforeAll) {
        created.migrate();
      }
    } catch (RuntimeException e) {
      try {
        created.close();
      } catch (RuntimeException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
    database = created;
    ownerId = context.getUniqueId();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (database != null && context.getUniqueId().equals(ownerId)) {
      try {
        database.close();
      } finally {
        database = null;
        ownerId = null;
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestDatabase.class || type == DataSource.class || type == DSLContext.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == DataSource.class) {
      return dataSource();
    }
    if (type == DSLContext.class) {
      return dsl();
    }
    return database();
  }

  /**
   * Returns the database of the running test class.
   *
   * @throws IllegalStateException outside the test class's lifetime
   */
  public TestDatabase database() {
    if (database == null) {
      throw new IllegalStateException(
          "The test database exists only while the test class runs: register the extension on a"
              + " static field with @RegisterExtension, or with @ExtendWith");
    }
    return database;
  }

  /** See {@link TestDatabase#dataSource()}. */
  public DataSource dataSource() {
    return database().dataSource();
  }

  /** See {@link TestDatabase#dsl()}. */
  public DSLContext dsl() {
    return database().dsl();
  }

  /** See {@link TestDatabase#jdbcUrl()}. */
  public String jdbcUrl() {
    return database().jdbcUrl();
  }

  /** See {@link TestDatabase#migrate()}. */
  public List<String> migrate() {
    return database().migrate();
  }

  /** See {@link TestDatabase#migrateTo(String)}. */
  public void migrateTo(String version) {
    database().migrateTo(version);
  }

  /** See {@link TestDatabase#appliedMigrations()}. */
  public List<String> appliedMigrations() {
    return database().appliedMigrations();
  }

  /** See {@link TestDatabase#truncateAllTables()}. */
  public void truncateAllTables() {
    database().truncateAllTables();
  }
}
