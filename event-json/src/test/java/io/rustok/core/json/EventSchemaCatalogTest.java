package io.rustok.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.event.DomainEvent;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventType;
import io.rustok.core.domain.event.EventTypes;
import io.rustok.core.domain.event.EventVersion;
import io.rustok.core.domain.event.NodeDeleted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventSchemaCatalogTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EventSchemaCatalog catalog = EventSchemaCatalog.standard();
  private final EventEnvelopeCodec codec = new EventEnvelopeCodec();

  static Stream<DomainEvent> oneEventOfEachType() {
    return SampleEvents.oneEventOfEachType();
  }

  @Test
  void catalogHasEveryVersionOfElevenTypes() {
    assertThat(catalog.types())
        .containsExactlyElementsOf(EventTypes.all().stream().map(EventType::name).toList());
    assertThat(catalog.types()).hasSize(11);
    assertThat(catalog.versionsOf("node.created"))
        .extracting(EventSchemaDocument::version)
        .containsExactly(1, 2);
    assertThat(catalog.all()).hasSize(12);
  }

  @Test
  void everySchemaIsDraft2020WithItsOwnId() {
    for (EventSchemaDocument document : catalog.all()) {
      ObjectNode schema = document.schema();

      assertThat(schema.get("$schema").asText())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(schema.get("$id").asText())
          .isEqualTo("urn:rustok:event-schema:" + document.type() + ":" + document.version());
      assertThat(schema.get("type").asText()).isEqualTo("object");
    }
  }

  @Test
  void everyObjectInEverySchemaIsClosed() {
    for (EventSchemaDocument document : catalog.all()) {
      List<JsonNode> objects = new ArrayList<>();
      collectObjectSchemas(document.schema(), objects);

      assertThat(objects).as(document.toString()).isNotEmpty();
      assertThat(objects)
          .as(document.toString())
          .allSatisfy(
              object -> {
                assertThat(object.get("additionalProperties").isBoolean()).isTrue();
                assertThat(object.get("additionalProperties").booleanValue()).isFalse();
                assertThat(object.get("required").size())
                    .isEqualTo(object.get("properties").size());
              });
    }
  }

  @ParameterizedTest
  @MethodSource("oneEventOfEachType")
  void writtenPayloadValidatesAgainstItsSchema(DomainEvent event) throws Exception {
    EventEnvelope envelope = SampleEvents.envelopeOf(event);
    String data = JSON.writeValueAsString(codec.toTree(envelope).get("data"));
    EventSchemaDocument schema =
        catalog.find(envelope.eventType(), envelope.schemaVersion()).orElseThrow();

    List<String> errors = JsonSchemaValidation.errors(schema.schema().toString(), data);

    assertThat(errors).as(data).isEmpty();
  }

  @Test
  void goldenV1PayloadValidatesOnlyAgainstV1Schema() throws Exception {
    JsonNode stored = JSON.readTree(JsonSchemaValidation.resource("/golden/node.created.v1.json"));
    String data = stored.get("data").toString();

    List<String> againstV1 = JsonSchemaValidation.errors(schemaText("node.created", 1), data);
    List<String> againstV2 = JsonSchemaValidation.errors(schemaText("node.created", 2), data);

    assertThat(againstV1).isEmpty();
    assertThat(againstV2).anySatisfy(error -> assertThat(error).contains("primaryLocale"));
  }

  @Test
  void schemaRejectsUnknownFieldAndInvalidValues() throws Exception {
    NodeDeleted event = new NodeDeleted(SampleEvents.NODE, NodeKind.POST);
    ObjectNode data = (ObjectNode) codec.toTree(SampleEvents.envelopeOf(event)).get("data");
    String schema = schemaText("node.deleted", 1);

    List<String> extra =
        JsonSchemaValidation.errors(schema, data.deepCopy().put("extra", 1).toString());
    List<String> badKind =
        JsonSchemaValidation.errors(schema, data.deepCopy().put("kind", "Not A Kind").toString());
    List<String> badId =
        JsonSchemaValidation.errors(schema, data.deepCopy().put("nodeId", "nope").toString());
    List<String> missing =
        JsonSchemaValidation.errors(schema, data.deepCopy().without("kind").toString());

    assertThat(extra).isNotEmpty();
    assertThat(badKind).isNotEmpty();
    assertThat(badId).isNotEmpty();
    assertThat(missing).isNotEmpty();
  }

  @Test
  void schemaFollowsTheRecordComponents() {
    ObjectNode schema = catalog.find("node.created", 2).orElseThrow().schema();

    assertThat(fieldNames(schema.get("properties")))
        .containsExactly(
            "nodeId",
            "kind",
            "status",
            "parentId",
            "primaryLocale",
            "slug",
            "translations",
            "bodyLocales");
    assertThat(schema.at("/properties/status/enum").toString())
        .isEqualTo("[\"draft\",\"published\"]");
    assertThat(schema.at("/properties/parentId/anyOf/1/type").asText()).isEqualTo("null");
    assertThat(schema.at("/properties/translations/type").asText()).isEqualTo("array");
    assertThat(schema.at("/properties/translations/items/additionalProperties").asBoolean(true))
        .isFalse();
  }

  @Test
  void unsupportedComponentIsNamed() {
    List<EventVersion> versions = List.of(new EventVersion("sample.created", 1, WithMap.class));

    assertThatThrownBy(() -> EventSchemaCatalog.of(versions))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("WithMap.values");
  }

  @Test
  void digestIgnoresKeyOrderButNotContent() {
    EventSchemaDocument first =
        EventSchemaCatalog.of(List.of(new EventVersion("sample.created", 1, Sample.class)))
            .find("sample.created", 1)
            .orElseThrow();
    EventSchemaDocument renamed =
        EventSchemaCatalog.of(List.of(new EventVersion("sample.created", 1, SampleRenamed.class)))
            .find("sample.created", 1)
            .orElseThrow();

    assertThat(first.digest()).hasSize(64).isEqualTo(first.digest());
    assertThat(first.canonicalJson()).startsWith("{\"$id\":");
    assertThat(renamed.digest()).isNotEqualTo(first.digest());
  }

  private String schemaText(String type, int version) {
    return catalog.find(type, version).orElseThrow().schema().toString();
  }

  private static void collectObjectSchemas(JsonNode node, List<JsonNode> objects) {
    if (node.isObject()) {
      if ("object".equals(node.path("type").asText())) {
        objects.add(node);
      }
      node.elements().forEachRemaining(child -> collectObjectSchemas(child, objects));
    } else if (node.isArray()) {
      node.forEach(child -> collectObjectSchemas(child, objects));
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  record Sample(String title, int count) {}

  record SampleRenamed(String heading, int count) {}

  record WithMap(Map<String, String> values) {}
}
