package io.rustok.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.bootstrap.HttpClientSupport.Response;
import io.rustok.core.testing.RecordingEventTransport;
import io.rustok.core.testing.postgres.PostgresExtension;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service on PostgreSQL while its pool can give no connection: writes get 503 {@code
 * storage-unavailable} instead of 500, readiness reports not ready, and the service serves again
 * once connections return.
 */
class StorageOutageIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.empty();

  private static final String NODE =
      "{\"kind\":\"post\",\"translations\":[{\"locale\":\"en\",\"title\":\"Hello\"}]}";

  @Test
  void unreachableDatabaseIsServiceUnavailableUntilItReturns() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of(
                "RUSTOK_HTTP_PORT", "0",
                "RUSTOK_HTTP_HOST", "127.0.0.1",
                "RUSTOK_DATABASE_URL", db.jdbcUrl()));
    AtomicBoolean down = new AtomicBoolean();
    try (Service service =
        Service.start(
            config, new RecordingEventTransport(), pool -> new SwitchableDataSource(pool, down))) {
      HttpClientSupport http = new HttpClientSupport(service.port());
      Response tenant = http.send("POST", "/api/tenants", "{\"slug\":\"acme\",\"name\":\"Acme\"}");
      String tenantId = tenant.body().get("id").asText();
      Response listed = http.send("GET", "/api/nodes", null, "X-Tenant-ID", tenantId);

      Response readyBefore = http.send("GET", "/health/ready", null);

      down.set(true);
      Response duringOutage = http.send("POST", "/api/nodes", NODE, "X-Tenant-ID", tenantId);
      Response readyDuring = http.send("GET", "/health/ready", null);
      down.set(false);
      Response afterOutage = http.send("POST", "/api/nodes", NODE, "X-Tenant-ID", tenantId);
      Response readyAfter = http.send("GET", "/health/ready", null);

      assertThat(tenant.status()).isEqualTo(201);
      assertThat(listed.status()).as("the tenant is cached before the outage").isEqualTo(200);
      assertThat(duringOutage.status()).isEqualTo(503);
      assertThat(duringOutage.body().get("type").asText()).endsWith("storage-unavailable");
      assertThat(duringOutage.header("Retry-After")).isEqualTo("1");
      assertThat(duringOutage.body().toString()).doesNotContain("SQLTransientConnection");
      assertThat(afterOutage.status()).isEqualTo(201);
      assertThat(readyBefore.status()).isEqualTo(200);
      assertThat(readyDuring.status()).as("readiness follows the storage").isEqualTo(503);
      assertThat(readyAfter.status()).isEqualTo(200);
    }
  }

  /** A pool that throws as HikariCP does when it has no connection to give, while switched off. */
  private record SwitchableDataSource(DataSource pool, AtomicBoolean down) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      failIfDown();
      return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      failIfDown();
      return pool.getConnection(username, password);
    }

    private void failIfDown() throws SQLTransientConnectionException {
      if (down.get()) {
        throw new SQLTransientConnectionException("Connection is not available, request timed out");
      }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return pool.isWrapperFor(type);
    }
  }
}
