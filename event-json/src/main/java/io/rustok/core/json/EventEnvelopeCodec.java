package io.rustok.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rustok.core.domain.event.DomainEvent;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.event.EventType;
import io.rustok.core.domain.event.EventTypes;
import io.rustok.core.domain.event.EventUpcasters;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.TraceParent;
import io.rustok.core.domain.tenancy.TenantId;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Encodes event envelopes as the JSON documents the outbox stores, and decodes them back, reading
 * older schema versions through the {@link EventUpcasters} chain of their type.
 *
 * <p>The document has the envelope's fields at the top level ({@code eventId}, {@code eventType},
 * {@code schemaVersion}, {@code tenantId}, {@code actorId}, {@code correlationId}, {@code
 * causationId}, {@code traceparent}, {@code occurredAt}, {@code aggregateType}, {@code
 * aggregateId}) and the event record under {@code data}. Absent optional values are written as
 * {@code null}. Instants are ISO-8601 strings in UTC.
 *
 * <p>A document at an older schema version is upcast before it is bound: its {@code data} becomes
 * plain Java maps and lists, each upcaster of the chain runs in turn, and the result is bound to
 * the current record. The decoded envelope carries the current version. A version above the current
 * one or below 1 is unreadable.
 *
 * <p>Decoding is strict: an unknown field, a missing field or a value that fails the domain's
 * validation makes the document unreadable instead of producing a half-filled event. Instances are
 * thread-safe.
 */
public final class EventEnvelopeCodec {
  private static final TypeReference<Map<String, Object>> PLAIN_OBJECT = new TypeReference<>() {};

  private final ObjectMapper mapper;

  /** Reader of one field's value, from a parser that goes on past that value. */
  private final ObjectReader fieldReader;

  private final EventUpcasters upcasters;

  /** Creates a codec that reads older versions through {@link EventUpcasters#standard()}. */
  public EventEnvelopeCodec() {
    this(EventUpcasters.standard());
  }

  public EventEnvelopeCodec(EventUpcasters upcasters) {
    this.mapper = newMapper();
    this.fieldReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.upcasters = Require.notNull(upcasters, "upcasters");
  }

  /** Returns the mapper this codec uses, configured for the domain's value types. */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new DomainJsonModule())
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  public String encode(EventEnvelope envelope) {
    ObjectNode root = toTree(envelope);
    try {
      return mapper.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode event " + envelope.eventId(), e);
    }
  }

  /** Returns the envelope as a JSON tree, with the event under {@code data}. */
  public ObjectNode toTree(EventEnvelope envelope) {
    ObjectNode root = mapper.createObjectNode();
    root.put("eventId", envelope.eventId().toString());
    root.put("eventType", envelope.eventType());
    root.put("schemaVersion", envelope.schemaVersion());
    root.put("tenantId", envelope.tenantId().toString());
    root.put("actorId", envelope.actorId().map(ActorId::toString).orElse(null));
    root.put("correlationId", envelope.correlationId().value());
    root.put("causationId", envelope.causationId().map(EventId::toString).orElse(null));
    root.put("traceparent", envelope.traceParent().map(TraceParent::value).orElse(null));
    root.put("occurredAt", envelope.occurredAt().toString());
    root.put("aggregateType", envelope.aggregateType());
    root.put("aggregateId", envelope.aggregateId().toString());
    root.set("data", mapper.valueToTree(envelope.event()));
    return root;
  }

  /** Returns the event record alone as a JSON tree, as it appears under {@code data}. */
  public JsonNode dataTree(DomainEvent event) {
    return mapper.valueToTree(event);
  }

  /**
   * Decodes a stored document. The top-level fields are read one by one, and {@code data} is
   * buffered as parser tokens and bound straight to the event's record, without building a tree of
   * it first, unless it needs upcasting.
   */
  public EventEnvelope decode(String json) throws UnreadableEventException {
    ObjectNode header = mapper.createObjectNode();
    TokenBuffer data = null;
    try (JsonParser parser = mapper.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new UnreadableEventException("payload is not a JSON object");
      }
      for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
        parser.nextToken();
        if (field.equals("data")) {
          data = new TokenBuffer(parser);
          data.copyCurrentStructure(parser);
        } else {
          header.set(field, fieldReader.readTree(parser));
        }
      }
      if (parser.nextToken() != null) {
        throw new UnreadableEventException("payload is not valid JSON");
      }
    } catch (StreamConstraintsException e) {
      throw new UnreadableEventException(
          "payload exceeds a limit of the JSON parser: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UnreadableEventException("payload is not valid JSON", e);
    }
    return decode(header, data);
  }

  public EventEnvelope decode(ObjectNode root) throws UnreadableEventException {
    return decode(root, null);
  }

  /**
   * Decodes the envelope whose fields are in {@code root} and whose {@code data} is {@code
   * bufferedData}, or {@code root}'s {@code data} field when that is null.
   */
  private EventEnvelope decode(ObjectNode root, TokenBuffer bufferedData)
      throws UnreadableEventException {
    String typeName = requiredText(root, "eventType");
    JsonNode versionNode = root.get("schemaVersion");
    if (versionNode == null || !versionNode.isInt()) {
      throw new UnreadableEventException("schemaVersion is missing or not an integer");
    }
    int version = versionNode.intValue();
    EventType type =
        EventTypes.byName(typeName)
            .orElseThrow(() -> new UnreadableEventException("unknown event type " + typeName));
    if (version < 1 || version > type.version()) {
      throw new UnreadableEventException(
          "schema version %d of %s is not supported; this code reads versions 1 to %d"
              .formatted(version, typeName, type.version()));
    }
    try {
      DomainEvent event;
      if (version < type.version()) {
        JsonNode data = bufferedData == null ? root.get("data") : tree(bufferedData);
        event = mapper.treeToValue(upcast(typeName, version, data), type.recordClass());
      } else if (bufferedData == null) {
        event = mapper.treeToValue(root.get("data"), type.recordClass());
      } else {
        try (JsonParser data = bufferedData.asParser(mapper)) {
          event = mapper.readValue(data, type.recordClass());
        }
      }
      if (event == null) {
        throw new UnreadableEventException("data is missing");
      }
      return new EventEnvelope(
          new EventId(UUID.fromString(requiredText(root, "eventId"))),
          typeName,
          type.version(),
          new TenantId(UUID.fromString(requiredText(root, "tenantId"))),
          optionalText(root, "actorId").map(text -> new ActorId(UUID.fromString(text))),
          new CorrelationId(requiredText(root, "correlationId")),
          optionalText(root, "causationId").map(text -> new EventId(UUID.fromString(text))),
          optionalText(root, "traceparent").map(TraceParent::new),
          Instant.parse(requiredText(root, "occurredAt")),
          requiredText(root, "aggregateType"),
          UUID.fromString(requiredText(root, "aggregateId")),
          event);
    } catch (JsonProcessingException e) {
      throw new UnreadableEventException(
          "data of " + typeName + " is invalid: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UnreadableEventException("data of " + typeName + " is invalid: " + e, e);
    } catch (RuntimeException e) {
      throw new UnreadableEventException(
          "envelope of " + typeName + " is invalid: " + e.getMessage(), e);
    }
  }

  private JsonNode tree(TokenBuffer buffered) throws IOException {
    try (JsonParser parser = buffered.asParser(mapper)) {
      return mapper.readTree(parser);
    }
  }

  private JsonNode upcast(String type, int version, JsonNode data) throws UnreadableEventException {
    if (data == null || !data.isObject()) {
      throw new UnreadableEventException(
          "data of %s version %d is missing or not an object".formatted(type, version));
    }
    try {
      Map<String, Object> values = mapper.convertValue(data, PLAIN_OBJECT);
      return mapper.valueToTree(upcasters.upcast(type, version, values));
    } catch (RuntimeException e) {
      throw new UnreadableEventException(
          "data of %s version %d cannot be upcast to version %d: %s"
              .formatted(type, version, upcasters.currentVersion(type), e.getMessage()),
          e);
    }
  }

  private static String requiredText(JsonNode root, String field) throws UnreadableEventException {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual()) {
      throw new UnreadableEventException(field + " is missing or not a string");
    }
    return node.textValue();
  }

  private static Optional<String> optionalText(JsonNode root, String field)
      throws UnreadableEventException {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new UnreadableEventException(field + " is not a string");
    }
    return Optional.of(node.textValue());
  }
}
