package io.rustok.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.event.DomainEvent;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventTypes;
import io.rustok.core.domain.event.NodeDeleted;
import io.rustok.core.domain.event.NodeUnpublished;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventEnvelopeCodecTest {
  private static final NodeId NODE = SampleEvents.NODE;

  private final EventEnvelopeCodec codec = new EventEnvelopeCodec();

  static Stream<DomainEvent> oneEventOfEachType() {
    return SampleEvents.oneEventOfEachType();
  }

  @Test
  void samplesCoverEveryEventType() {
    List<String> sampled =
        oneEventOfEachType().map(event -> EventTypes.of(event).name()).sorted().toList();

    List<String> all = EventTypes.all().stream().map(type -> type.name()).sorted().toList();

    assertThat(sampled).isEqualTo(all);
  }

  @ParameterizedTest
  @MethodSource("oneEventOfEachType")
  void roundTripIsLossless(DomainEvent event) throws Exception {
    EventEnvelope envelope = envelopeOf(event);

    EventEnvelope decoded = codec.decode(codec.encode(envelope));

    assertThat(decoded).isEqualTo(envelope);
  }

  @Test
  void absentOptionalValuesRoundTripAsEmpty() throws Exception {
    EventEnvelope envelope = SampleEvents.bareEnvelopeOf(new NodeUnpublished(NODE));

    String json = codec.encode(envelope);

    assertThat(json).contains("\"actorId\":null");
    assertThat(codec.decode(json)).isEqualTo(envelope);
  }

  @Test
  void unknownTypeIsUnreadableWithReason() throws Exception {
    String json = codec.encode(envelopeOf(new NodeUnpublished(NODE)));

    String renamed = json.replace("\"node.unpublished\"", "\"node.archived\"");

    assertThatThrownBy(() -> codec.decode(renamed))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessage("unknown event type node.archived");
  }

  @Test
  void unknownSchemaVersionIsUnreadableWithReason() throws Exception {
    String json = codec.encode(envelopeOf(new NodeUnpublished(NODE)));

    String future = json.replace("\"schemaVersion\":1", "\"schemaVersion\":99");

    assertThatThrownBy(() -> codec.decode(future))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("schema version 99 of node.unpublished is not supported");
  }

  @Test
  void missingDataFieldIsUnreadable() throws Exception {
    String json = codec.encode(envelopeOf(new NodeDeleted(NODE, NodeKind.POST)));

    String damaged = json.replace(",\"kind\":\"post\"", "");

    assertThatThrownBy(() -> codec.decode(damaged))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("data of node.deleted is invalid");
  }

  @Test
  void invalidValueInsideDataIsUnreadable() throws Exception {
    String json = codec.encode(envelopeOf(new NodeDeleted(NODE, NodeKind.POST)));

    String damaged = json.replace("\"kind\":\"post\"", "\"kind\":\"Not A Kind\"");

    assertThatThrownBy(() -> codec.decode(damaged)).isInstanceOf(UnreadableEventException.class);
  }

  @Test
  void malformedJsonIsUnreadable() {
    assertThatThrownBy(() -> codec.decode("{\"eventType\":"))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessage("payload is not valid JSON");
  }

  @Test
  void dataBeforeEnvelopeFieldsIsRead() throws Exception {
    EventEnvelope envelope = envelopeOf(new NodeDeleted(NODE, NodeKind.POST));
    ObjectNode encoded = (ObjectNode) new ObjectMapper().readTree(codec.encode(envelope));
    ObjectNode dataFirst = new ObjectMapper().createObjectNode();
    dataFirst.set("data", encoded.get("data"));
    encoded.fieldNames().forEachRemaining(name -> dataFirst.putIfAbsent(name, encoded.get(name)));

    EventEnvelope decoded = codec.decode(dataFirst.toString());

    assertThat(dataFirst.fieldNames().next()).isEqualTo("data");
    assertThat(decoded).isEqualTo(envelope);
  }

  @Test
  void repeatedFieldIsUnreadable() throws Exception {
    String json = codec.encode(envelopeOf(new NodeDeleted(NODE, NodeKind.POST)));

    String repeated = json.replace("{\"eventId\"", "{\"eventType\":\"node.deleted\",\"eventId\"");

    assertThatThrownBy(() -> codec.decode(repeated))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessage("payload is not valid JSON");
  }

  @Test
  void contentAfterDocumentIsUnreadable() throws Exception {
    String json = codec.encode(envelopeOf(new NodeDeleted(NODE, NodeKind.POST)));

    assertThatThrownBy(() -> codec.decode(json + " {}"))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessage("payload is not valid JSON");
  }

  @Test
  void nestingBeyondParserLimitIsUnreadableNamingIt() {
    String deep = "{\"data\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}";

    assertThatThrownBy(() -> codec.decode(deep))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageStartingWith("payload exceeds a limit of the JSON parser: ")
        .hasMessageContaining("nesting depth");
  }

  @Test
  void documentThatIsNotObjectIsUnreadable() {
    assertThatThrownBy(() -> codec.decode("[1, 2]"))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessage("payload is not a JSON object");
  }

  private static EventEnvelope envelopeOf(DomainEvent event) {
    return SampleEvents.envelopeOf(event);
  }
}
