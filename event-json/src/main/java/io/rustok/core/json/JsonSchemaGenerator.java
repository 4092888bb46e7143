package io.rustok.core.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.TenantId;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Derives the JSON Schema (draft 2020-12) of a record from its components, matching the JSON that
 * {@link EventEnvelopeCodec} writes for it.
 *
 * <p>Every record becomes a closed object ({@code additionalProperties: false}) that requires all
 * its components, because the codec writes every component, an absent {@link Optional} as {@code
 * null}. {@code Optional<T>} becomes "T or null", {@code List<T>} an array of T, {@link Instant} a
 * {@code date-time} string, {@code int} and {@code long} integers within their Java range, and each
 * domain value type that {@link DomainJsonModule} writes as a string becomes a string with the
 * format, pattern or length that its constructor checks. A component of any other type is a
 * programming error, reported with the record and component it was found in.
 */
final class JsonSchemaGenerator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Schemas of the domain's single-value types, which the JSON form writes as strings. */
  private static final Map<Class<?>, Supplier<ObjectNode>> VALUE_TYPES =
      Map.of(
          TenantId.class, JsonSchemaGenerator::uuid,
          NodeId.class, JsonSchemaGenerator::uuid,
          ActorId.class, JsonSchemaGenerator::uuid,
          EventId.class, JsonSchemaGenerator::uuid,
          UUID.class, JsonSchemaGenerator::uuid,
          Slug.class, () -> matching(Slug.PATTERN).put("maxLength", Slug.MAX_LENGTH),
          LocaleCode.class,
              () -> matching(LocaleCode.PATTERN).put("maxLength", LocaleCode.MAX_LENGTH),
          NodeKind.class, () -> matching(NodeKind.PATTERN),
          HostName.class, () -> string().put("minLength", 1).put("maxLength", HostName.MAX_LENGTH),
          NodeStatus.class, JsonSchemaGenerator::nodeStatus);

  private JsonSchemaGenerator() {}

  /** Returns the closed object schema of {@code record}, without {@code $schema} or {@code $id}. */
  static ObjectNode objectSchema(Class<? extends Record> record) {
    ObjectNode schema = NODES.objectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    RecordComponent[] components = record.getRecordComponents();
    for (RecordComponent component : components) {
      properties.set(component.getName(), schemaOf(component.getGenericType(), record, component));
    }
    ArrayNode required = schema.putArray("required");
    Arrays.stream(components)
        .map(RecordComponent::getName)
        .sorted(Comparator.naturalOrder())
        .forEach(required::add);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static ObjectNode schemaOf(Type type, Class<?> record, RecordComponent component) {
    if (type instanceof ParameterizedType generic) {
      Type raw = generic.getRawType();
      Type item = generic.getActualTypeArguments()[0];
      if (raw == Optional.class) {
        ObjectNode nullable = NODES.objectNode();
        ArrayNode choices = nullable.putArray("anyOf");
        choices.add(schemaOf(item, record, component));
        choices.addObject().put("type", "null");
        return nullable;
      }
      if (raw == List.class) {
        ObjectNode array = NODES.objectNode().put("type", "array");
        array.set("items", schemaOf(item, record, component));
        return array;
      }
    } else if (type instanceof Class<?> plain) {
      Supplier<ObjectNode> valueType = VALUE_TYPES.get(plain);
      if (valueType != null) {
        return valueType.get();
      }
      if (plain == String.class) {
        return string();
      }
      if (plain == int.class || plain == Integer.class) {
        return integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
      }
      if (plain == long.class || plain == Long.class) {
        return integer(Long.MIN_VALUE, Long.MAX_VALUE);
      }
      if (plain == boolean.class || plain == Boolean.class) {
        return NODES.objectNode().put("type", "boolean");
      }
      if (plain == Instant.class) {
        return string().put("format", "date-time");
      }
      if (plain.isRecord()) {
        return objectSchema(plain.asSubclass(Record.class));
      }
    }
    throw new IllegalStateException(
        "no JSON schema for %s in %s.%s: add the type to %s together with its JSON form"
            .formatted(
                type.getTypeName(),
                record.getSimpleName(),
                component.getName(),
                JsonSchemaGenerator.class.getSimpleName()));
  }

  private static ObjectNode string() {
    return NODES.objectNode().put("type", "string");
  }

  private static ObjectNode uuid() {
    return string().put("format", "uuid");
  }

  /**
   * Returns a string schema that must match {@code pattern} in full, as Java's {@code matches()}
   * requires; a JSON Schema pattern matches anywhere unless anchored.
   */
  private static ObjectNode matching(String pattern) {
    return string().put("pattern", "^" + pattern + "$");
  }

  private static ObjectNode integer(long minimum, long maximum) {
    return NODES
        .objectNode()
        .put("type", "integer")
        .put("minimum", minimum)
        .put("maximum", maximum);
  }

  private static ObjectNode nodeStatus() {
    ObjectNode status = string();
    ArrayNode names = status.putArray("enum");
    for (NodeStatus value : NodeStatus.values()) {
      names.add(value.wireName());
    }
    return status;
  }
}
