package io.rustok.core.adapters.http;

import static io.rustok.core.adapters.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventType;
import io.rustok.core.domain.event.EventTypes;
import io.rustok.core.json.EventEnvelopeCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventSchemaRoutesTest {
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private final RunningApi api = RunningApi.start();
  private final EventEnvelopeCodec codec = new EventEnvelopeCodec();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void listShowsElevenTypesWithEveryVersion() {
    RunningApi.Response response = api.get("/api/events/schemas");

    assertThat(response.status()).isEqualTo(200);
    JsonNode items = response.json().get("items");
    List<String> types = new ArrayList<>();
    items.forEach(item -> types.add(item.get("type").asText()));
    assertThat(types)
        .containsExactlyInAnyOrderElementsOf(
            EventTypes.all().stream().map(EventType::name).toList());
    assertThat(types).hasSize(11);
    JsonNode nodeCreated = itemOf(items, "node.created");
    assertThat(nodeCreated.get("currentVersion").asInt()).isEqualTo(2);
    assertThat(nodeCreated.get("versions").size()).isEqualTo(2);
    JsonNode first = nodeCreated.get("versions").get(0);
    assertThat(first.get("version").asInt()).isEqualTo(1);
    assertThat(first.get("id").asText()).isEqualTo("urn:rustok:event-schema:node.created:1");
    assertThat(first.get("href").asText()).isEqualTo("/api/events/schemas/node.created/1");
  }

  @Test
  void everyListedVersionIsServed() {
    JsonNode items = api.get("/api/events/schemas").json().get("items");

    for (JsonNode item : items) {
      for (JsonNode version : item.get("versions")) {
        RunningApi.Response schema = api.get(version.get("href").asText());

        assertThat(schema.status()).as(version.toString()).isEqualTo(200);
        assertThat(schema.header("Content-Type")).startsWith("application/schema+json");
        assertThat(schema.json().get("$id").asText()).isEqualTo(version.get("id").asText());
        assertThat(schema.json().get("additionalProperties").asBoolean(true)).isFalse();
      }
    }
  }

  @Test
  void unknownTypeOrVersionIsNotFound() {
    assertProblem(api.get("/api/events/schemas/node.archived/1"), "not-found", 404);
    assertProblem(api.get("/api/events/schemas/node.created/3"), "not-found", 404);
    assertProblem(api.get("/api/events/schemas/node.created/0"), "not-found", 404);
    assertProblem(api.get("/api/events/schemas/node.created/two"), "not-found", 404);
    assertProblem(api.get("/api/events/schemas/node.created/99999999999"), "not-found", 404);
  }

  /**
   * Drives every use case that publishes an event through the API, then validates the data of every
   * stored event against the schema that the API serves for its type and version.
   */
  @Test
  void servedSchemasValidateEveryEventTheServiceWrites() {
    publishOneEventOfEachType();

    List<EventEnvelope> written = api.claimPendingEnvelopes();

    Set<String> covered = new TreeSet<>();
    for (EventEnvelope envelope : written) {
      RunningApi.Response schema =
          api.get("/api/events/schemas/" + envelope.eventType() + "/" + envelope.schemaVersion());
      String data = codec.toTree(envelope).get("data").toString();

      List<Error> errors =
          SCHEMAS.getSchema(schema.body(), InputFormat.JSON).validate(data, InputFormat.JSON);

      assertThat(errors).as(envelope.eventType() + " " + data).isEmpty();
      covered.add(envelope.eventType());
    }
    assertThat(covered)
        .containsExactlyInAnyOrderElementsOf(
            EventTypes.all().stream().map(EventType::name).toList());
  }

  @Test
  void servedSchemaRejectsDataOfAnotherVersion() {
    publishOneEventOfEachType();
    EventEnvelope created =
        api.claimPendingEnvelopes().stream()
            .filter(envelope -> envelope.eventType().equals("node.created"))
            .findFirst()
            .orElseThrow();
    Schema version1 =
        SCHEMAS.getSchema(api.get("/api/events/schemas/node.created/1").body(), InputFormat.JSON);

    List<Error> errors =
        version1.validate(codec.toTree(created).get("data").toString(), InputFormat.JSON);

    assertThat(errors).isNotEmpty();
  }

  private void publishOneEventOfEachType() {
    String tenant = api.createTenant("acme").get("id").asText();
    RunningApi.Response tenantChange =
        api.patch(
            "/api/tenants/" + tenant,
            """
            {"name":"Acme Two","locales":["de"]}""");
    assertThat(tenantChange.status()).as(tenantChange.body()).isEqualTo(200);
    RunningApi.Response created =
        api.post(
            "/api/nodes",
            """
            {"kind":"post","translations":[{"locale":"de","title":"Hallo"}],
             "bodies":[{"locale":"de","body":"Eins"}]}""",
            "X-Tenant-ID",
            "acme");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String path = "/api/nodes/" + created.json().get("id").asText();
    RunningApi.Response changed =
        api.patch(
            path,
            """
            {"metadata":{"k":"v"},"translations":[{"locale":"en","title":"Hello"}],
             "bodies":[{"locale":"de","body":"Zwei"}]}""",
            "X-Tenant-ID",
            "acme",
            "If-Match",
            "\"1\"");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(api.post(path + "/publish", null, "X-Tenant-ID", "acme").status()).isEqualTo(200);
    assertThat(api.post(path + "/unpublish", null, "X-Tenant-ID", "acme").status()).isEqualTo(200);
    assertThat(api.delete(path, "X-Tenant-ID", "acme").status()).isEqualTo(204);
  }

  private static JsonNode itemOf(JsonNode items, String type) {
    for (JsonNode item : items) {
      if (item.get("type").asText().equals(type)) {
        return item;
      }
    }
    throw new AssertionError("no item for " + type + " in " + items);
  }
}
