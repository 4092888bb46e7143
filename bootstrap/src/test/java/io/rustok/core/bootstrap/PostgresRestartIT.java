package io.rustok.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.rustok.core.bootstrap.HttpClientSupport.Response;
import io.rustok.core.testing.postgres.PostgresExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's walk-through on PostgreSQL: the service migrates an empty database when it starts,
 * serves the walk-through's requests, and after a restart still has the tenant, the node and every
 * delivered event.
 */
class PostgresRestartIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.empty();

  private static final List<String> DELIVERED_NEWEST_FIRST =
      List.of("node.published", "node.created", "tenant.created");

  @Test
  void walkthroughDataSurvivesRestart() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of(
                "RUSTOK_HTTP_PORT", "0",
                "RUSTOK_HTTP_HOST", "127.0.0.1",
                "RUSTOK_DATABASE_URL", db.jdbcUrl(),
                "RUSTOK_RELAY_POLL_MS", "20"));
    String nodeId;
    JsonNode tenantWritten;
    JsonNode nodeWritten;
    try (Service first = Service.start(config)) {
      HttpClientSupport http = new HttpClientSupport(first.port());

      Response tenant =
          http.send(
              "POST",
              "/api/tenants",
              "{\"slug\":\"acme\",\"name\":\"Acme\",\"hosts\":[\"acme.example.com\"]}");
      Response node =
          http.send(
              "POST",
              "/api/nodes",
              "{\"kind\":\"post\",\"translations\":[{\"locale\":\"en\",\"title\":\"Hello World\"}],"
                  + "\"bodies\":[{\"locale\":\"en\",\"body\":\"First post.\"}]}",
              "X-Tenant-ID",
              "acme");
      nodeId = node.body().get("id").asText();
      Response published =
          http.send("POST", "/api/nodes/" + nodeId + "/publish", null, "X-Tenant-ID", "acme");
      tenantWritten = tenant.body();
      nodeWritten = published.body();

      assertThat(db.appliedMigrations()).isNotEmpty();
      assertThat(tenant.status()).isEqualTo(201);
      assertThat(node.status()).isEqualTo(201);
      assertThat(published.status()).isEqualTo(200);
      assertThat(published.body().get("status").asText()).isEqualTo("published");
      assertThat(published.body().get("version").asLong()).isEqualTo(2);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> dispatchedTypes(http), DELIVERED_NEWEST_FIRST::equals);
    }

    try (Service second = Service.start(config)) {
      HttpClientSupport http = new HttpClientSupport(second.port());

      Response node = http.send("GET", "/api/nodes/" + nodeId, null, "X-Tenant-ID", "acme");
      Response tenant = http.send("GET", "/api/tenants/" + tenantWritten.get("id").asText(), null);
      Response stats = http.send("GET", "/api/outbox/stats", null);

      assertThat(tenant.status()).isEqualTo(200);
      assertThat(tenant.body())
          .as("the tenant read after the restart, times included, is the one written")
          .isEqualTo(tenantWritten);
      assertThat(node.body())
          .as("the node read after the restart, times included, is the one published")
          .isEqualTo(nodeWritten);

      assertThat(node.status()).isEqualTo(200);
      assertThat(node.body().get("status").asText()).isEqualTo("published");
      assertThat(node.body().get("version").asLong()).isEqualTo(2);
      assertThat(node.body().at("/translations/0/slug").asText()).isEqualTo("hello-world");
      assertThat(dispatchedTypes(http)).isEqualTo(DELIVERED_NEWEST_FIRST);
      assertThat(stats.body().get("pending").asLong()).isZero();
      assertThat(stats.body().get("dispatched").asLong()).isEqualTo(3);
    }
  }

  private static List<String> dispatchedTypes(HttpClientSupport http) {
    JsonNode items =
        http.send("GET", "/api/outbox/events?status=dispatched", null).body().get("items");
    List<String> types = new ArrayList<>();
    items.forEach(item -> types.add(item.get("eventType").asText()));
    return types;
  }
}
