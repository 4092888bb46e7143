package io.rustok.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rustok.core.domain.event.DomainEvent;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.NodeUnpublished;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CloudEventFormatTest {
  static final String CLOUDEVENTS_SCHEMA = "/cloudevents/cloudevents-1.0.schema.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CloudEventFormat format =
      new CloudEventFormat(URI.create("https://cms.example.com/core"));
  private final EventEnvelopeCodec codec = new EventEnvelopeCodec();

  static Stream<DomainEvent> oneEventOfEachType() {
    return SampleEvents.oneEventOfEachType();
  }

  @ParameterizedTest
  @MethodSource("oneEventOfEachType")
  void everyEventIsValidCloudEvent(DomainEvent event) {
    String json = format.encode(SampleEvents.envelopeOf(event));

    List<String> errors =
        JsonSchemaValidation.errors(JsonSchemaValidation.resource(CLOUDEVENTS_SCHEMA), json);

    assertThat(errors).as(json).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("oneEventOfEachType")
  void dataValidatesAgainstTheDataschema(DomainEvent event) throws Exception {
    JsonNode cloudEvent = JSON.readTree(format.encode(SampleEvents.envelopeOf(event)));
    String dataschema = cloudEvent.get("dataschema").asText();
    EventSchemaDocument schema =
        EventSchemaCatalog.standard().all().stream()
            .filter(document -> document.uri().toString().equals(dataschema))
            .findFirst()
            .orElseThrow();

    List<String> errors =
        JsonSchemaValidation.errors(schema.schema().toString(), cloudEvent.get("data").toString());

    assertThat(errors).isEmpty();
  }

  @Test
  void attributesCarryTheEnvelope() throws Exception {
    EventEnvelope envelope = SampleEvents.envelopeOf(new NodeUnpublished(SampleEvents.NODE));

    JsonNode event = JSON.readTree(format.encode(envelope));

    assertThat(event.get("specversion").asText()).isEqualTo("1.0");
    assertThat(event.get("id").asText()).isEqualTo(envelope.eventId().toString());
    assertThat(event.get("source").asText()).isEqualTo("https://cms.example.com/core");
    assertThat(event.get("type").asText()).isEqualTo("node.unpublished");
    assertThat(event.get("time").asText()).isEqualTo("2026-12-04T10:15:30.123456789Z");
    assertThat(event.get("subject").asText()).isEqualTo(SampleEvents.NODE.toString());
    assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
    assertThat(event.get("dataschema").asText())
        .isEqualTo("urn:rustok:event-schema:node.unpublished:1");
    assertThat(event.get("tenantid").asText()).isEqualTo(envelope.tenantId().toString());
    assertThat(event.get("actorid").asText())
        .isEqualTo(envelope.actorId().orElseThrow().toString());
    assertThat(event.get("correlationid").asText()).isEqualTo("req-123");
    assertThat(event.get("causationid").asText())
        .isEqualTo(envelope.causationId().orElseThrow().toString());
    assertThat(event.get("traceparent").asText())
        .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    assertThat(event.get("schemaversion").isInt()).isTrue();
    assertThat(event.get("schemaversion").asInt()).isEqualTo(1);
    assertThat(event.get("data")).isEqualTo(codec.toTree(envelope).get("data"));
  }

  @Test
  void absentValuesAreLeftOut() throws Exception {
    EventEnvelope envelope = SampleEvents.bareEnvelopeOf(new NodeUnpublished(SampleEvents.NODE));

    JsonNode event = JSON.readTree(format.encode(envelope));

    assertThat(fieldNames(event)).doesNotContain("actorid", "causationid", "traceparent");
    assertThat(fieldNames(event)).allMatch(name -> name.matches("[a-z0-9]{1,20}"));
  }

  @Test
  void upcastEventLeavesAtCurrentVersion() throws Exception {
    EventEnvelope upcast =
        codec.decode(JsonSchemaValidation.resource("/golden/node.created.v1.json"));

    JsonNode event = JSON.readTree(format.encode(upcast));

    assertThat(event.get("schemaversion").asInt()).isEqualTo(2);
    assertThat(event.get("dataschema").asText())
        .isEqualTo("urn:rustok:event-schema:node.created:2");
    assertThat(event.at("/data/primaryLocale").asText()).isEqualTo("de");
  }

  @Test
  void defaultSourceIsTheCoreUrn() {
    assertThat(CloudEventFormat.DEFAULT_SOURCE).hasToString("urn:rustok:core");
    assertThatThrownBy(() -> new CloudEventFormat(URI.create("")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void schemaRejectsEventsMissingRequiredAttributes() throws Exception {
    String schema = JsonSchemaValidation.resource(CLOUDEVENTS_SCHEMA);
    JsonNode valid =
        JSON.readTree(
            format.encode(SampleEvents.envelopeOf(new NodeUnpublished(SampleEvents.NODE))));

    for (String required : List.of("specversion", "id", "source", "type")) {
      String without = ((ObjectNode) valid.deepCopy()).without(required).toString();

      assertThat(JsonSchemaValidation.errors(schema, without)).as(required).isNotEmpty();
    }
    String upperCaseExtension = ((ObjectNode) valid.deepCopy()).put("tenantId", "x").toString();
    assertThat(JsonSchemaValidation.errors(schema, upperCaseExtension)).isNotEmpty();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
