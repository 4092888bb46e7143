package io.rustok.core.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database named {@code rustok_bench_} and 16 hexadecimal digits, created for one run on the
 * server of {@link BenchmarkSettings#serverUrl()} and dropped by {@link #close()}.
 *
 * <p>Statements here run on connections of their own, outside the pool under measurement. A JVM
 * stopped by a signal drops the database from a shutdown hook; only a JVM killed outright leaves it
 * behind.
 */
final class BenchmarkDatabase implements AutoCloseable {
  private static final Pattern JDBC_URL =
      Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");

  private final String serverUrl;
  private final String name;
  private final String jdbcUrl;
  private final AtomicBoolean dropped = new AtomicBoolean();
  private final Thread dropOnExit;

  private BenchmarkDatabase(String serverUrl, String name) {
    this.serverUrl = serverUrl;
    this.name = name;
    this.jdbcUrl = urlFor(serverUrl, name);
    this.dropOnExit = new Thread(this::drop, "drop-" + name);
  }

  /**
   * Creates an empty database on the server that {@code serverUrl} names.
   *
   * @throws IllegalArgumentException if {@code serverUrl} is not a PostgreSQL JDBC URL
   * @throws SQLException if the server cannot be reached or rejects the CREATE DATABASE
   */
  static BenchmarkDatabase create(String serverUrl) throws SQLException {
    String name =
        "rustok_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    BenchmarkDatabase database = new BenchmarkDatabase(serverUrl, name);
    try (Connection connection = DriverManager.getConnection(serverUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    Runtime.getRuntime().addShutdownHook(database.dropOnExit);
    return database;
  }

  String name() {
    return name;
  }

  /** Returns the JDBC URL of this database, with the server URL's parameters. */
  String jdbcUrl() {
    return jdbcUrl;
  }

  /** Runs one statement in autocommit, such as {@code CHECKPOINT} or {@code VACUUM}. */
  void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Returns the first column of every row of a query, as text. */
  List<String> queryColumn(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  /** Returns the first column of a query that returns one row, as text. */
  String queryText(String sql) throws SQLException {
    List<String> values = queryColumn(sql);
    if (values.size() != 1) {
      throw new SQLException("Expected one row but got " + values.size() + " from: " + sql);
    }
    return values.getFirst();
  }

  /** Returns the first column of a query that returns one row, which must be a whole number. */
  long queryLong(String sql) throws SQLException {
    return Long.parseLong(queryText(sql));
  }

  /** Drops the database, ending any session still connected to it. */
  @Override
  public void close() {
    drop();
    try {
      Runtime.getRuntime().removeShutdownHook(dropOnExit);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down, and the hook has run or is running.
    }
  }

  private void drop() {
    if (!dropped.compareAndSet(false, true)) {
      return;
    }
    try (Connection connection = DriverManager.getConnection(serverUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println(
          "Could not drop database "
              + name
              + " on "
              + masked(serverUrl)
              + ": "
              + e.getMessage()
              + ". Drop it by hand.");
    }
  }

  /** Returns the URL with the value of any {@code password} parameter hidden, for messages. */
  static String masked(String url) {
    return PASSWORD.matcher(url).replaceAll("$1***");
  }

  private static String urlFor(String serverUrl, String database) {
    Matcher parts = JDBC_URL.matcher(serverUrl);
    if (!parts.matches()) {
      throw new IllegalArgumentException(
          BenchmarkSettings.URL_VARIABLE
              + " must be a PostgreSQL JDBC URL such as "
              + BenchmarkSettings.DEFAULT_URL
              + ", but is "
              + masked(serverUrl));
    }
    String query = parts.group(3) == null ? "" : parts.group(3);
    return parts.group(1) + "/" + database + query;
  }
}
