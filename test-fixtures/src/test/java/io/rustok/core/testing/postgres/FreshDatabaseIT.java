package io.rustok.core.testing.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The test database on its own. This module ships no migrations, so {@link TestDatabase#migrate()}
 * finds none here.
 */
class FreshDatabaseIT {
  @Test
  void createMakesDatabaseAndCloseDropsIt() throws SQLException {
    String name;
    String adminUrl = PostgresServer.get().adminUrl();
    try (TestDatabase database = TestDatabase.create()) {
      name = database.name();

      assertThat(name).matches("rustok_test_[0-9a-f]{16}");
      assertThat(databaseExists(adminUrl, name)).isTrue();
      assertThat(database.dsl().fetchValue("select current_database()")).isEqualTo(name);
    }

    assertThat(databaseExists(adminUrl, name)).isFalse();
  }

  @Test
  void jdbcUrlNamesTheNewDatabase() throws SQLException {
    try (TestDatabase database = TestDatabase.create();
        Connection connection = DriverManager.getConnection(database.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select current_database()")) {
      result.next();

      assertThat(result.getString(1)).isEqualTo(database.name());
    }
  }

  @Test
  void migrateFailsWhenNoMigrationIsFound() {
    try (TestDatabase database = TestDatabase.create()) {
      assertThatThrownBy(database::migrate)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("No migration was applied")
          .hasMessageContaining("classpath:db/migration");
      assertThat(database.appliedMigrations()).isEmpty();
    }
  }

  @Test
  void truncateAllTablesEmptiesTables() {
    try (TestDatabase database = TestDatabase.create()) {
      database.dsl().execute("create table things (id int primary key)");
      database.dsl().execute("insert into things values (1), (2)");

      database.truncateAllTables();

      assertThat(database.dsl().fetchCount(org.jooq.impl.DSL.table("things"))).isZero();
    }
  }

  @Test
  void statementCounterCountsByTable() throws SQLException {
    try (TestDatabase database = TestDatabase.create()) {
      database.dsl().execute("create table items (id int primary key)");
      StatementCounter counter = new StatementCounter();
      try (Connection connection = counter.wrap(database.dataSource()).getConnection()) {
        try (PreparedStatement insert =
            connection.prepareStatement("insert into items values (?)")) {
          for (int id = 1; id <= 3; id++) {
            insert.setInt(1, id);
            insert.addBatch();
          }
          insert.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
          statement.executeQuery("select count(*) from items").close();
          statement.execute("select 1");
        }
      }

      assertThat(counter.count("items")).isEqualTo(4);
      assertThat(counter.total()).isEqualTo(5);
      assertThat(counter.requests()).isEqualTo(3);
      assertThat(counter.byTable()).containsExactly(java.util.Map.entry("items", 4L));
      assertThat(counter.statements()).endsWith("select count(*) from items", "select 1");
    }
  }

  @Test
  void statementCounterSplitsMultiStatementText() throws SQLException {
    try (TestDatabase database = TestDatabase.create()) {
      database.dsl().execute("create table items (id int primary key, note text)");
      StatementCounter counter = new StatementCounter();
      try (Connection connection = counter.wrap(database.dataSource()).getConnection();
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into items values (?, 'a;b'); insert into items values (?, ?);")) {
        insert.setInt(1, 1);
        insert.setInt(2, 2);
        insert.setString(3, "c");
        insert.execute();
      }

      assertThat(database.dsl().fetchCount(org.jooq.impl.DSL.table("items"))).isEqualTo(2);
      assertThat(counter.total()).isEqualTo(2);
      assertThat(counter.requests()).isEqualTo(1);
      assertThat(counter.count("items")).isEqualTo(2);
      assertThat(counter.statements())
          .containsExactly(
              "insert into items values (?, 'a;b')", "insert into items values (?, ?)");
    }
  }

  @Test
  void statementCounterCountsFailedStatements() throws SQLException {
    try (TestDatabase database = TestDatabase.create()) {
      StatementCounter counter = new StatementCounter();
      try (Connection connection = counter.wrap(database.dataSource()).getConnection();
          Statement statement = connection.createStatement()) {
        assertThatThrownBy(() -> statement.execute("select * from missing_table"))
            .isInstanceOf(SQLException.class);
      }

      assertThat(counter.count("missing_table")).isEqualTo(1);
    }
  }

  private static boolean databaseExists(String adminUrl, String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(adminUrl);
        PreparedStatement query =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      query.setString(1, name);
      try (ResultSet result = query.executeQuery()) {
        return result.next();
      }
    }
  }
}
