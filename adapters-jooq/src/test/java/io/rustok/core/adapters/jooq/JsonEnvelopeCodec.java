package io.rustok.core.adapters.jooq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rustok.core.domain.event.DomainEvent;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.event.EventType;
import io.rustok.core.domain.event.EventTypes;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.TraceParent;
import io.rustok.core.domain.tenancy.TenantId;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Test codec that writes every event record field by field through reflection: a record with one
 * component is written as that component, other records as objects, enums by lowercase name,
 * optionals as the value or null. It reads only the current schema version of each type.
 */
final class JsonEnvelopeCodec implements EnvelopeCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Override
  public String encode(EventEnvelope envelope) {
    ObjectNode root = NODES.objectNode();
    root.put("eventId", envelope.eventId().toString());
    root.put("eventType", envelope.eventType());
    root.put("schemaVersion", envelope.schemaVersion());
    root.put("tenantId", envelope.tenantId().toString());
    root.put("aggregateType", envelope.aggregateType());
    root.put("aggregateId", envelope.aggregateId().toString());
    root.put("occurredAt", envelope.occurredAt().toString());
    root.put("correlationId", envelope.correlationId().value());
    root.put("actorId", envelope.actorId().map(ActorId::toString).orElse(null));
    root.put("causationId", envelope.causationId().map(EventId::toString).orElse(null));
    root.put("traceparent", envelope.traceParent().map(TraceParent::value).orElse(null));
    root.set("data", recordToJson((Record) envelope.event()));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public EventEnvelope decode(String json) throws UnreadablePayloadException {
    try {
      JsonNode root = MAPPER.readTree(json);
      String typeName = required(root, "eventType").asText();
      int version = required(root, "schemaVersion").asInt();
      EventType type =
          EventTypes.byName(typeName)
              .orElseThrow(() -> new UnreadablePayloadException("unknown event type " + typeName));
      if (type.version() != version) {
        throw new UnreadablePayloadException(
            "unsupported schema version " + version + " of " + typeName);
      }
      DomainEvent event = (DomainEvent) recordFromJson(required(root, "data"), type.recordClass());
      return new EventEnvelope(
          EventId.parse(required(root, "eventId").asText(), "eventId"),
          typeName,
          version,
          TenantId.parse(required(root, "tenantId").asText(), "tenantId"),
          optionalText(root, "actorId").map(text -> ActorId.parse(text, "actorId")),
          new CorrelationId(required(root, "correlationId").asText()),
          optionalText(root, "causationId").map(text -> EventId.parse(text, "causationId")),
          optionalText(root, "traceparent").map(TraceParent::new),
          Instant.parse(required(root, "occurredAt").asText()),
          required(root, "aggregateType").asText(),
          UUID.fromString(required(root, "aggregateId").asText()),
          event);
    } catch (UnreadablePayloadException e) {
      throw e;
    } catch (Exception e) {
      throw new UnreadablePayloadException("damaged payload: " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode root, String field) throws UnreadablePayloadException {
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      throw new UnreadablePayloadException("missing " + field);
    }
    return value;
  }

  private static Optional<String> optionalText(JsonNode root, String field) {
    JsonNode value = root.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static ObjectNode recordToJson(Record value) {
    ObjectNode object = NODES.objectNode();
    for (RecordComponent component : value.getClass().getRecordComponents()) {
      object.set(component.getName(), toJson(read(component, value)));
    }
    return object;
  }

  private static JsonNode toJson(Object value) {
    return switch (value) {
      case null -> NODES.nullNode();
      case Optional<?> optional -> optional.map(JsonEnvelopeCodec::toJson).orElse(NODES.nullNode());
      case String text -> NODES.textNode(text);
      case Integer number -> NODES.numberNode(number);
      case Long number -> NODES.numberNode(number);
      case Boolean flag -> NODES.booleanNode(flag);
      case UUID uuid -> NODES.textNode(uuid.toString());
      case Instant instant -> NODES.textNode(instant.toString());
      case Enum<?> constant -> NODES.textNode(constant.name().toLowerCase(Locale.ROOT));
      case List<?> list -> {
        ArrayNode array = NODES.arrayNode();
        list.forEach(item -> array.add(toJson(item)));
        yield array;
      }
      case Record record when record.getClass().getRecordComponents().length == 1 ->
          toJson(read(record.getClass().getRecordComponents()[0], record));
      case Record record -> recordToJson(record);
      default -> throw new IllegalArgumentException("cannot encode " + value.getClass());
    };
  }

  private static Object recordFromJson(JsonNode node, Class<?> recordClass) throws Exception {
    RecordComponent[] components = recordClass.getRecordComponents();
    Object[] arguments = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      arguments[i] = fromJson(node.get(components[i].getName()), components[i].getGenericType());
    }
    Constructor<?> constructor = recordClass.getDeclaredConstructor(types);
    return constructor.newInstance(arguments);
  }

  private static Object fromJson(JsonNode node, Type type) throws Exception {
    if (type instanceof ParameterizedType generic) {
      return fromGeneric(node, generic);
    }
    Class<?> target = (Class<?>) type;
    if (node == null) {
      throw new IllegalArgumentException("missing value of " + target.getSimpleName());
    }
    if (target.isEnum()) {
      return enumFromJson(node, target);
    }
    if (target.isRecord() && !node.isObject()) {
      RecordComponent only = target.getRecordComponents()[0];
      Object value = fromJson(node, only.getGenericType());
      return target.getDeclaredConstructor(only.getType()).newInstance(value);
    }
    if (target.isRecord()) {
      return recordFromJson(node, target);
    }
    return scalarFromJson(node, target);
  }

  private static Object fromGeneric(JsonNode node, ParameterizedType type) throws Exception {
    Type raw = type.getRawType();
    Type item = type.getActualTypeArguments()[0];
    if (raw == Optional.class) {
      return node == null || node.isNull() ? Optional.empty() : Optional.of(fromJson(node, item));
    }
    if (raw == List.class) {
      List<Object> list = new ArrayList<>();
      for (JsonNode element : node) {
        list.add(fromJson(element, item));
      }
      return list;
    }
    throw new IllegalArgumentException("cannot decode " + type);
  }

  private static Object enumFromJson(JsonNode node, Class<?> target) {
    for (Object constant : target.getEnumConstants()) {
      if (((Enum<?>) constant).name().toLowerCase(Locale.ROOT).equals(node.asText())) {
        return constant;
      }
    }
    throw new IllegalArgumentException("unknown " + target.getSimpleName() + " " + node);
  }

  private static Object scalarFromJson(JsonNode node, Class<?> target) {
    if (target == String.class) {
      return node.asText();
    }
    if (target == int.class || target == Integer.class) {
      return node.asInt();
    }
    if (target == long.class || target == Long.class) {
      return node.asLong();
    }
    if (target == boolean.class || target == Boolean.class) {
      return node.asBoolean();
    }
    if (target == UUID.class) {
      return UUID.fromString(node.asText());
    }
    if (target == Instant.class) {
      return Instant.parse(node.asText());
    }
    throw new IllegalArgumentException("cannot decode " + target);
  }

  private static Object read(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
