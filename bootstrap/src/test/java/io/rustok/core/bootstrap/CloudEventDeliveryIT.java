package io.rustok.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.rustok.core.bootstrap.HttpClientSupport.Response;
import io.rustok.core.testing.postgres.PostgresExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service on PostgreSQL with its default transport: events leave as CloudEvents, stored events
 * of version 1 leave as version 2, and a row of an unknown version is parked without holding up the
 * others.
 */
class CloudEventDeliveryIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SOURCE = "https://cms.example.com/core";
  private static final String GOLDEN_ID = "019ae9a1-3c2b-7d41-8e6f-1a2b3c4d5e6f";
  private static final Schema CLOUDEVENTS =
      SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12,
              builder ->
                  builder.schemaRegistryConfig(
                      SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
          .getSchema(resource("/cloudevents/cloudevents-1.0.schema.json"), InputFormat.JSON);

  private CapturedEventLog eventLog;
  private Service service;
  private HttpClientSupport http;

  @BeforeEach
  void start() {
    db.truncateAllTables();
    eventLog = CapturedEventLog.attach();
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of(
                "RUSTOK_HTTP_PORT", "0",
                "RUSTOK_HTTP_HOST", "127.0.0.1",
                "RUSTOK_DATABASE_URL", db.jdbcUrl(),
                "RUSTOK_RELAY_POLL_MS", "20",
                "RUSTOK_EVENT_SOURCE", SOURCE));
    service = Service.start(config);
    http = new HttpClientSupport(service.port());
  }

  @AfterEach
  void stop() {
    service.close();
    eventLog.close();
  }

  @Test
  void deliveredEventIsValidCloudEvent() throws IOException {
    Response tenant =
        http.send(
            "POST",
            "/api/tenants",
            "{\"slug\":\"acme\",\"name\":\"Acme\"}",
            "X-Correlation-ID",
            "c-1");
    String tenantId = tenant.body().get("id").asText();

    String line = eventLog.awaitLineContaining("\"type\":\"tenant.created\"");

    List<Error> errors = CLOUDEVENTS.validate(line, InputFormat.JSON);
    assertThat(errors).as(line).isEmpty();
    JsonNode event = JSON.readTree(line);
    assertThat(event.get("source").asText()).isEqualTo(SOURCE);
    assertThat(event.get("subject").asText()).isEqualTo(tenantId);
    assertThat(event.get("tenantid").asText()).isEqualTo(tenantId);
    assertThat(event.get("correlationid").asText()).isEqualTo("c-1");
    assertThat(event.get("dataschema").asText())
        .isEqualTo("urn:rustok:event-schema:tenant.created:1");
    Response stored = http.send("GET", "/api/outbox/events/" + event.get("id").asText(), null);
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.header("Content-Type")).startsWith("application/cloudevents+json");
    assertThat(stored.body()).isEqualTo(event);
  }

  @Test
  void storedVersion1IsDeliveredAsVersion2() throws IOException {
    insertRow(GOLDEN_ID, resource("/golden/node.created.v1.json"), 1);

    String line = eventLog.awaitLineContaining(GOLDEN_ID);

    assertThat(CLOUDEVENTS.validate(line, InputFormat.JSON)).as(line).isEmpty();
    JsonNode event = JSON.readTree(line);
    assertThat(event.get("type").asText()).isEqualTo("node.created");
    assertThat(event.get("schemaversion").asInt()).isEqualTo(2);
    assertThat(event.get("dataschema").asText())
        .isEqualTo("urn:rustok:event-schema:node.created:2");
    assertThat(event.at("/data/primaryLocale").asText()).isEqualTo("de");
    assertThat(event.at("/data/slug").asText()).isEqualTo("hallo-welt");
    Response stored = http.send("GET", "/api/outbox/events/" + GOLDEN_ID, null);
    assertThat(stored.body().get("schemaversion").asInt()).isEqualTo(2);
  }

  @Test
  void unknownVersionIsParkedAndOthersDelivered() throws IOException {
    String futureId = UUID.randomUUID().toString();
    ObjectNode future = (ObjectNode) JSON.readTree(resource("/golden/node.created.v1.json"));
    future.put("eventId", futureId).put("schemaVersion", 9);
    insertRow(futureId, future.toString(), 9);
    insertRow(GOLDEN_ID, resource("/golden/node.created.v1.json"), 1);

    eventLog.awaitLineContaining(GOLDEN_ID);
    JsonNode parked =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    http.send("GET", "/api/outbox/events?status=failed", null).body().get("items"),
                items -> items.size() == 1)
            .get(0);
    Response read = http.send("GET", "/api/outbox/events/" + futureId, null);

    assertThat(parked.get("id").asText()).isEqualTo(futureId);
    assertThat(parked.get("lastError").asText())
        .isEqualTo(
            "unreadable: schema version 9 of node.created is not supported;"
                + " this code reads versions 1 to 2");
    assertThat(read.status()).isEqualTo(409);
    assertThat(read.body().get("type").asText())
        .isEqualTo("https://rustok.io/problems/event-unreadable");
    assertThat(read.body().get("detail").asText()).contains("schema version 9 of node.created");
  }

  private static void insertRow(String id, String payload, int schemaVersion) {
    db.dsl()
        .execute(
            "insert into sys_events (id, payload, event_type, schema_version)"
                + " values (?::uuid, ?::jsonb, 'node.created', ?)",
            id,
            payload,
            schemaVersion);
  }

  private static String resource(String name) {
    try (InputStream in = CloudEventDeliveryIT.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
