package io.rustok.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rustok.core.domain.shared.Require;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The published JSON Schema of one version of one event type: the schema of the event's {@code
 * data}, with {@link #uri()} as its {@code $id}.
 */
public final class EventSchemaDocument {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String type;
  private final int version;
  private final ObjectNode schema;
  private final String canonicalJson;

  EventSchemaDocument(String type, int version, ObjectNode schema) {
    this.type = Require.notNull(type, "type");
    this.version = version;
    this.schema = Require.notNull(schema, "schema").deepCopy();
    this.canonicalJson = write(canonical(schema));
  }

  public String type() {
    return type;
  }

  public int version() {
    return version;
  }

  /** Returns the schema's {@code $id}, such as {@code urn:rustok:event-schema:node.created:2}. */
  public URI uri() {
    return EventSchemaCatalog.uriOf(type, version);
  }

  /** Returns a copy of the schema, with properties in the order of the record's components. */
  public ObjectNode schema() {
    return schema.deepCopy();
  }

  /** Returns the schema with every object's keys sorted and no white space. */
  public String canonicalJson() {
    return canonicalJson;
  }

  /** Returns the SHA-256 of {@link #canonicalJson()} in UTF-8, as lowercase hexadecimal. */
  public String digest() {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  private static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      for (String name : names) {
        sorted.set(name, canonical(node.get(name)));
      }
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode items = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> items.add(canonical(item)));
      return items;
    }
    return node;
  }

  private static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a schema tree is always writable", e);
    }
  }

  @Override
  public String toString() {
    return type + " v" + version;
  }
}
