package io.rustok.core.adapters.jooq;

import io.rustok.core.domain.shared.Require;
import java.time.Duration;
import java.util.Optional;

/**
 * Connection settings of the PostgreSQL adapters. Build one with {@link #of(String)} and change it
 * with the {@code with...} methods.
 *
 * @param jdbcUrl JDBC URL, such as {@code jdbc:postgresql://127.0.0.1:5432/rustok}; it may carry
 *     {@code user} and {@code password} parameters instead of the two fields below
 * @param username user name, when the URL does not carry it
 * @param password password, when the URL does not carry it; {@link #toString()} never shows it
 * @param maximumPoolSize most connections the pool opens; default {@value #DEFAULT_POOL_SIZE}
 * @param connectionTimeout longest wait for a pooled connection; default 5 seconds
 * @param statementTimeout PostgreSQL's {@code statement_timeout} for every pooled connection, set
 *     with {@code SET} when the connection opens; zero means none; default 30 seconds. Migrations
 *     run on a connection of their own without it, because a data migration may take longer.
 * @param migrate whether {@link JooqAdapters#start} applies the Flyway migrations; default true
 */
public record PostgresConfig(
    String jdbcUrl,
    Optional<String> username,
    Optional<String> password,
    int maximumPoolSize,
    Duration connectionTimeout,
    Duration statementTimeout,
    boolean migrate) {
  public static final int DEFAULT_POOL_SIZE = 10;
  private static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

  public PostgresConfig {
    Require.notNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "jdbcUrl must start with jdbc:postgresql:, such as"
              + " jdbc:postgresql://127.0.0.1:5432/rustok");
    }
    Require.notNull(username, "username");
    Require.notNull(password, "password");
    if (maximumPoolSize < 1) {
      throw new IllegalArgumentException(
          "maximumPoolSize must be at least 1, but is " + maximumPoolSize);
    }
    requireNotNegative(connectionTimeout, "connectionTimeout");
    requireNotNegative(statementTimeout, "statementTimeout");
  }

  /** Returns the defaults for {@code jdbcUrl}: credentials from the URL, migrations on. */
  public static PostgresConfig of(String jdbcUrl) {
    return new PostgresConfig(
        jdbcUrl,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_POOL_SIZE,
        DEFAULT_CONNECTION_TIMEOUT,
        DEFAULT_STATEMENT_TIMEOUT,
        true);
  }

  public PostgresConfig withCredentials(String newUsername, String newPassword) {
    return new PostgresConfig(
        jdbcUrl,
        Optional.of(Require.notNull(newUsername, "username")),
        Optional.ofNullable(newPassword),
        maximumPoolSize,
        connectionTimeout,
        statementTimeout,
        migrate);
  }

  public PostgresConfig withMaximumPoolSize(int size) {
    return new PostgresConfig(
        jdbcUrl, username, password, size, connectionTimeout, statementTimeout, migrate);
  }

  public PostgresConfig withConnectionTimeout(Duration timeout) {
    return new PostgresConfig(
        jdbcUrl, username, password, maximumPoolSize, timeout, statementTimeout, migrate);
  }

  public PostgresConfig withStatementTimeout(Duration timeout) {
    return new PostgresConfig(
        jdbcUrl, username, password, maximumPoolSize, connectionTimeout, timeout, migrate);
  }

  public PostgresConfig withMigrate(boolean enabled) {
    return new PostgresConfig(
        jdbcUrl, username, password, maximumPoolSize, connectionTimeout, statementTimeout, enabled);
  }

  /** Returns the settings with the password, in the fields and in the URL, replaced by stars. */
  @Override
  public String toString() {
    return "PostgresConfig[jdbcUrl="
        + jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***")
        + ", username="
        + username.orElse("(not set)")
        + ", password="
        + (password.isPresent() ? "***" : "(not set)")
        + ", maximumPoolSize="
        + maximumPoolSize
        + ", connectionTimeout="
        + connectionTimeout
        + ", statementTimeout="
        + statementTimeout
        + ", migrate="
        + migrate
        + "]";
  }

  private static void requireNotNegative(Duration duration, String name) {
    Require.notNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, but is " + duration);
    }
  }
}
