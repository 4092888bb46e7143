package io.rustok.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.event.EventUpcaster;
import io.rustok.core.domain.event.EventUpcasters;
import io.rustok.core.domain.event.NodeCreated;
import io.rustok.core.domain.event.TranslationSummary;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.shared.TraceParent;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Reading stored payloads of older schema versions, starting from a committed golden file. */
class EventUpcastingTest {
  static final String GOLDEN_NODE_CREATED_V1 = "/golden/node.created.v1.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EventEnvelopeCodec codec = new EventEnvelopeCodec();

  @Test
  void goldenNodeCreatedV1IsReadAsVersion2() throws Exception {
    String stored = JsonSchemaValidation.resource(GOLDEN_NODE_CREATED_V1);

    EventEnvelope envelope = codec.decode(stored);

    NodeId node = new NodeId(UUID.fromString("019ae9a1-3b00-7e66-9f77-8899aabbccdd"));
    assertThat(envelope.eventType()).isEqualTo("node.created");
    assertThat(envelope.schemaVersion()).isEqualTo(2);
    assertThat(envelope.eventId())
        .isEqualTo(new EventId(UUID.fromString("019ae9a1-3c2b-7d41-8e6f-1a2b3c4d5e6f")));
    assertThat(envelope.tenantId())
        .isEqualTo(new TenantId(UUID.fromString("019ae9a1-2f10-7a22-9b33-0c1d2e3f4a5b")));
    assertThat(envelope.actorId())
        .contains(new ActorId(UUID.fromString("019ae9a1-3011-7c44-8d55-6e7f8091a2b3")));
    assertThat(envelope.correlationId()).isEqualTo(new CorrelationId("req-golden-1"));
    assertThat(envelope.causationId()).isEmpty();
    assertThat(envelope.traceParent())
        .contains(new TraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2026-11-20T09:30:00.123456Z"));
    assertThat(envelope.event())
        .isEqualTo(
            new NodeCreated(
                node,
                NodeKind.POST,
                NodeStatus.DRAFT,
                Optional.empty(),
                LocaleCode.of("de"),
                Slug.of("hallo-welt"),
                List.of(
                    new TranslationSummary(
                        LocaleCode.of("de"), "Hallo Welt", Slug.of("hallo-welt")),
                    new TranslationSummary(
                        LocaleCode.of("en"), "Hello World", Slug.of("hello-world"))),
                List.of(LocaleCode.of("de"))));
  }

  @Test
  void upcastEnvelopeIsWrittenBackAtCurrentVersion() throws Exception {
    EventEnvelope upcast = codec.decode(JsonSchemaValidation.resource(GOLDEN_NODE_CREATED_V1));

    String rewritten = codec.encode(upcast);

    assertThat(rewritten).contains("\"schemaVersion\":2");
    assertThat(rewritten).contains("\"primaryLocale\":\"de\"");
    assertThat(codec.decode(rewritten)).isEqualTo(upcast);
  }

  @Test
  void futureVersionIsUnreadableWithReason() {
    String stored =
        JsonSchemaValidation.resource(GOLDEN_NODE_CREATED_V1)
            .replace("\"schemaVersion\":1", "\"schemaVersion\":3");

    assertThatThrownBy(() -> codec.decode(stored))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessage(
            "schema version 3 of node.created is not supported; this code reads versions 1 to 2");
  }

  @Test
  void versionZeroIsUnreadable() {
    String stored =
        JsonSchemaValidation.resource(GOLDEN_NODE_CREATED_V1)
            .replace("\"schemaVersion\":1", "\"schemaVersion\":0");

    assertThatThrownBy(() -> codec.decode(stored))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("schema version 0 of node.created is not supported");
  }

  @Test
  void v1PayloadThatCannotBeUpcastIsUnreadable() throws Exception {
    String stored = goldenWithTranslations(JSON.createArrayNode());

    assertThatThrownBy(() -> codec.decode(stored))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("data of node.created version 1 cannot be upcast to version 2")
        .hasMessageContaining("translations");
  }

  @Test
  void upcastDataIsCheckedLikeNewData() {
    EventUpcaster dropsSlug =
        EventUpcaster.of(
            "node.created",
            1,
            data -> {
              data.put("primaryLocale", "de");
              data.put("slug", "not-a-slug-of-any-translation");
              return data;
            });
    EventEnvelopeCodec careless = new EventEnvelopeCodec(EventUpcasters.of(List.of(dropsSlug)));

    assertThatThrownBy(() -> careless.decode(JsonSchemaValidation.resource(GOLDEN_NODE_CREATED_V1)))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("data of node.created is invalid");
  }

  @Test
  void upcasterSeesPlainJavaValues() throws Exception {
    AtomicReference<Map<String, Object>> seen = new AtomicReference<>();
    EventUpcaster recording =
        EventUpcaster.of(
            "node.created",
            1,
            data -> {
              seen.set(new HashMap<>(data));
              return NodeCreated.FROM_VERSION_1.upcast(data);
            });
    EventEnvelopeCodec recordingCodec =
        new EventEnvelopeCodec(EventUpcasters.of(List.of(recording)));

    recordingCodec.decode(JsonSchemaValidation.resource(GOLDEN_NODE_CREATED_V1));

    assertThat(seen.get()).containsEntry("kind", "post").containsEntry("parentId", null);
    assertThat(seen.get().get("translations")).isInstanceOf(List.class);
    assertThat(((List<?>) seen.get().get("translations")).getFirst()).isInstanceOf(Map.class);
  }

  /** Returns the golden payload with its {@code data.translations} replaced. */
  private static String goldenWithTranslations(JsonNode translations) throws Exception {
    ObjectNode stored =
        (ObjectNode) JSON.readTree(JsonSchemaValidation.resource(GOLDEN_NODE_CREATED_V1));
    ((ObjectNode) stored.get("data")).set("translations", translations);
    return JSON.writeValueAsString(stored);
  }
}
