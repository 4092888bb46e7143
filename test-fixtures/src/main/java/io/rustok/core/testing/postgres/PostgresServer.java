package io.rustok.core.testing.postgres;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL server on which test databases are created: the one that {@value #URL_VARIABLE} names,
 * or else one that Testcontainers starts once per JVM when a Docker engine is reachable.
 */
final class PostgresServer {
  /** Environment variable with the JDBC URL of a server where the tests may create databases. */
  static final String URL_VARIABLE = "RUSTOK_TEST_DATABASE_URL";

  private static final String CONTAINER_IMAGE = "postgres:15";
  private static final Pattern JDBC_URL =
      Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");

  private static PostgresServer shared;
  private static String unavailable;

  private final String adminUrl;

  private PostgresServer(String adminUrl) {
    this.adminUrl = adminUrl;
  }

  /**
   * Returns the server for this JVM, starting a container the first time if no URL is set.
   *
   * @throws IllegalStateException if the URL is malformed, or no URL is set and Docker is not
   *     available
   */
  static synchronized PostgresServer get() {
    if (shared != null) {
      return shared;
    }
    if (unavailable != null) {
      throw new IllegalStateException(unavailable);
    }
    try {
      shared = resolve(System.getenv(URL_VARIABLE));
      return shared;
    } catch (IllegalStateException e) {
      unavailable = e.getMessage();
      throw e;
    }
  }

  /**
   * Returns the server that {@code url} names, or a new container if {@code url} is null or blank.
   */
  static PostgresServer resolve(String url) {
    if (url != null && !url.isBlank()) {
      return new PostgresServer(checked(url.strip()));
    }
    try {
      return new PostgresServer(startContainer());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "No PostgreSQL server for tests: "
              + URL_VARIABLE
              + " is not set and Testcontainers could not start "
              + CONTAINER_IMAGE
              + " ("
              + e.getMessage()
              + "). Set "
              + URL_VARIABLE
              + " to the JDBC URL of a server where the tests may create databases, for example "
              + "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres",
          e);
    }
  }

  /** Returns the JDBC URL of the database named in the server URL, credentials included. */
  String adminUrl() {
    return adminUrl;
  }

  /** Returns the server URL with its database replaced by {@code database}. */
  String urlFor(String database) {
    Matcher parts = JDBC_URL.matcher(adminUrl);
    if (!parts.matches()) {
      throw new IllegalStateException("Unexpected JDBC URL: " + masked(adminUrl));
    }
    String query = parts.group(3) == null ? "" : parts.group(3);
    return parts.group(1) + "/" + database + query;
  }

  /** Returns the URL with the value of any {@code password} parameter hidden, for messages. */
  static String masked(String url) {
    return PASSWORD.matcher(url).replaceAll("$1***");
  }

  private static String checked(String url) {
    if (!JDBC_URL.matcher(url).matches()) {
      throw new IllegalStateException(
          URL_VARIABLE
              + " must be a PostgreSQL JDBC URL such as "
              + "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres, but is "
              + masked(url));
    }
    return url;
  }

  /**
   * Starts PostgreSQL in a container that lives until the JVM exits, when Testcontainers removes
   * it.
   */
  // NOTE: no test has started a container here, because the machines this project is built on
  // have no Docker engine. Only the failure without Docker is tested.
  private static String startContainer() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new IllegalStateException("no Docker engine is reachable");
    }
    PostgreSQLContainer container = new PostgreSQLContainer(CONTAINER_IMAGE);
    container.start();
    String url = container.getJdbcUrl();
    String separator = url.contains("?") ? "&" : "?";
    return url
        + separator
        + "user="
        + container.getUsername()
        + "&password="
        + container.getPassword();
  }
}
