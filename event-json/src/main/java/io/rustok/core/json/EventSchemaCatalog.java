package io.rustok.core.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rustok.core.domain.event.EventType;
import io.rustok.core.domain.event.EventTypes;
import io.rustok.core.domain.event.EventVersion;
import io.rustok.core.domain.shared.Require;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schema of every version of every event type, derived from the event records and the
 * nested records that keep the shapes of older versions (see {@link EventTypes#versionsOf}).
 * Nothing here is written by hand, so a schema changes exactly when its record does; the lock file
 * {@code event-json/event-schemas.lock.json} and its test make such a change visible.
 *
 * <p>Each schema describes an event's {@code data}. Its {@code $id}, {@link #uriOf}, is also the
 * CloudEvents {@code dataschema} of events of that type and version.
 */
public final class EventSchemaCatalog {
  /** URI of the JSON Schema dialect that every schema here declares. */
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private static final String URI_PREFIX = "urn:rustok:event-schema:";
  private static final EventSchemaCatalog STANDARD = of(EventTypes.allVersions());

  private final Map<String, Map<Integer, EventSchemaDocument>> byType;

  private EventSchemaCatalog(Map<String, Map<Integer, EventSchemaDocument>> byType) {
    this.byType = byType;
  }

  /** Returns the schemas of this code's event types, built once. */
  public static EventSchemaCatalog standard() {
    return STANDARD;
  }

  /**
   * Builds the schemas of the given versions.
   *
   * @throws IllegalStateException if a record has a component with no JSON form
   */
  public static EventSchemaCatalog of(List<EventVersion> versions) {
    Require.notNull(versions, "versions");
    Map<String, Map<Integer, EventSchemaDocument>> byType = new LinkedHashMap<>();
    for (EventVersion version : versions) {
      byType
          .computeIfAbsent(version.type(), type -> new LinkedHashMap<>())
          .put(version.version(), documentOf(version));
    }
    byType.replaceAll((type, documents) -> Map.copyOf(documents));
    return new EventSchemaCatalog(Collections.unmodifiableMap(byType));
  }

  private static EventSchemaDocument documentOf(EventVersion version) {
    ObjectNode schema = JsonSchemaGenerator.objectSchema(version.shape());
    ObjectNode document = schema.objectNode();
    document.put("$schema", DIALECT);
    document.put("$id", uriOf(version.type(), version.version()).toString());
    document.put("title", version.type() + " version " + version.version());
    document.setAll(schema);
    return new EventSchemaDocument(version.type(), version.version(), document);
  }

  /** Returns the URI that names one schema: {@code urn:rustok:event-schema:<type>:<version>}. */
  public static URI uriOf(String type, int version) {
    return URI.create(URI_PREFIX + type + ":" + version);
  }

  /** Returns the URI of the schema of {@code type} at its current version. */
  public static URI uriOf(EventType type) {
    return uriOf(type.name(), type.version());
  }

  /** Returns the type names in catalog order. */
  public List<String> types() {
    return List.copyOf(byType.keySet());
  }

  /** Returns the versions of {@code type}, oldest first, or an empty list for an unknown type. */
  public List<EventSchemaDocument> versionsOf(String type) {
    Map<Integer, EventSchemaDocument> documents = byType.getOrDefault(type, Map.of());
    return documents.keySet().stream().sorted().map(documents::get).toList();
  }

  /** Returns every schema, by type in catalog order and then oldest version first. */
  public List<EventSchemaDocument> all() {
    return byType.keySet().stream().flatMap(type -> versionsOf(type).stream()).toList();
  }

  public Optional<EventSchemaDocument> find(String type, int version) {
    return Optional.ofNullable(byType.getOrDefault(type, Map.of()).get(version));
  }
}
