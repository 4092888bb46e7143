package io.rustok.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rustok.core.bootstrap.HttpClientSupport.Response;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.testing.RecordingEventTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Boots the real wiring in memory mode on a free port and drives a node through its life. */
class EndToEndTest {
  private final RecordingEventTransport transport = new RecordingEventTransport();
  private Service service;
  private HttpClientSupport http;

  @BeforeEach
  void start() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of("RUSTOK_HTTP_PORT", "0", "RUSTOK_HTTP_HOST", "127.0.0.1"));
    service = Service.start(config, transport);
    http = new HttpClientSupport(service.port());
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Tag("capability")
  @Test
  void nodeLifecycleDeliversExactlyTheExpectedEventsInOrder() {
    String actor = UUID.randomUUID().toString();
    Response tenant =
        http.send(
            "POST",
            "/api/tenants",
            """
            {"slug":"acme","name":"Acme","hosts":["acme.example.com"]}""",
            "X-Correlation-ID",
            "c-tenant");
    assertThat(tenant.status()).isEqualTo(201);
    String tenantId = tenant.body().get("id").asText();

    Response created =
        http.send(
            "POST",
            "/api/nodes",
            """
            {"kind":"post","translations":[{"locale":"en","title":"Hello World"}],
             "bodies":[{"locale":"en","body":"First words."}]}""",
            "X-Tenant-ID",
            "acme",
            "X-Actor-ID",
            actor,
            "X-Correlation-ID",
            "c-create");
    assertThat(created.status()).isEqualTo(201);
    String nodeId = created.body().get("id").asText();
    assertThat(created.body().get("translations").get(0).get("slug").asText())
        .isEqualTo("hello-world");
    assertThat(created.header("ETag")).isEqualTo("\"1\"");

    Response updated =
        http.send(
            "PATCH",
            "/api/nodes/" + nodeId,
            """
            {"metadata":{"featured":true}}""",
            "X-Tenant-ID",
            tenantId,
            "X-Actor-ID",
            actor,
            "X-Correlation-ID",
            "c-update",
            "If-Match",
            "\"1\"");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body().get("version").asLong()).isEqualTo(2);

    Response published =
        http.send(
            "POST",
            "/api/nodes/" + nodeId + "/publish",
            null,
            "X-Tenant-ID",
            "acme",
            "X-Actor-ID",
            actor,
            "X-Correlation-ID",
            "c-publish");
    assertThat(published.status()).isEqualTo(200);
    assertThat(published.body().get("status").asText()).isEqualTo("published");

    Response unpublished =
        http.send(
            "POST",
            "/api/nodes/" + nodeId + "/unpublish",
            null,
            "X-Tenant-ID",
            "acme",
            "X-Actor-ID",
            actor,
            "X-Correlation-ID",
            "c-unpublish");
    assertThat(unpublished.status()).isEqualTo(200);

    Response deleted =
        http.send(
            "DELETE",
            "/api/nodes/" + nodeId,
            null,
            "X-Tenant-ID",
            "acme",
            "X-Actor-ID",
            actor,
            "X-Correlation-ID",
            "c-delete");
    assertThat(deleted.status()).isEqualTo(204);

    List<EventEnvelope> events = transport.awaitCount(6, Duration.ofSeconds(10));
    assertThat(events)
        .extracting(EventEnvelope::eventType)
        .containsExactly(
            "tenant.created",
            "node.created",
            "node.updated",
            "node.published",
            "node.unpublished",
            "node.deleted");
    assertThat(events).extracting(EventEnvelope::schemaVersion).containsExactly(1, 2, 1, 1, 1, 1);
    assertThat(events).allSatisfy(e -> assertThat(e.tenantId().toString()).isEqualTo(tenantId));
    assertThat(events)
        .extracting(e -> e.correlationId().value())
        .containsExactly(
            "c-tenant", "c-create", "c-update", "c-publish", "c-unpublish", "c-delete");
    List<EventEnvelope> nodeEvents = events.subList(1, 6);
    assertThat(nodeEvents)
        .allSatisfy(
            e -> {
              assertThat(e.aggregateType()).isEqualTo("node");
              assertThat(e.aggregateId().toString()).isEqualTo(nodeId);
              assertThat(e.actorId().orElseThrow().toString()).isEqualTo(actor);
            });
    assertThat(events.getFirst().aggregateId().toString()).isEqualTo(tenantId);
    assertThat(events.getFirst().actorId()).isEmpty();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Response stats = http.send("GET", "/api/outbox/stats", null);
              assertThat(stats.body().get("dispatched").asLong()).isEqualTo(6);
              assertThat(stats.body().get("pending").asLong()).isZero();
            });
  }
}
