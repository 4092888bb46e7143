package io.rustok.core.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.rustok.core.adapters.http.ProblemType;
import io.rustok.core.domain.event.EventType;
import io.rustok.core.domain.event.EventTypes;
import io.rustok.core.json.EventSchemaCatalog;
import io.rustok.core.json.EventSchemaDocument;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders the reference pages that describe what the code defines: the event catalog and the HTTP
 * routes with their problem types. A test compares the committed pages with what this renders, so a
 * new event type, version or route cannot land without its page.
 */
public final class ReferencePages {
  /** Command that rewrites every generated page from the code. */
  public static final String REGENERATE =
      "./mvnw -q -B -pl bootstrap -am test -Dtest='*ReferenceTest'"
          + " -Drustok.regenerate=true -Dsurefire.failIfNoSpecifiedTests=false";

  public static final String EVENTS_PAGE = "docs/reference/events.md";
  public static final String HTTP_PAGE = "docs/reference/http.md";

  private ReferencePages() {}

  /** Returns the event catalog page: every type, its current version and each version's fields. */
  public static String events() {
    EventSchemaCatalog catalog = EventSchemaCatalog.standard();
    StringBuilder page = header("Event catalog");
    page.append("| type | current version | aggregate |\n|---|---|---|\n");
    for (EventType type : EventTypes.all()) {
      page.append("| `")
          .append(type.name())
          .append("` | ")
          .append(type.version())
          .append(" | ")
          .append(
              type.name().startsWith("tenant") || type.name().startsWith("locale")
                  ? "tenant"
                  : "node")
          .append(" |\n");
    }
    for (EventType type : EventTypes.all()) {
      for (EventSchemaDocument document : catalog.versionsOf(type.name())) {
        page.append("\n## `")
            .append(document.type())
            .append("` version ")
            .append(document.version())
            .append("\n\nSchema `")
            .append(document.uri())
            .append("`, SHA-256 `")
            .append(document.digest())
            .append("`.\n\n| field | JSON type |\n|---|---|\n");
        appendFields(page, document.schema(), "");
      }
    }
    return page.toString();
  }

  private static void appendFields(StringBuilder page, JsonNode schema, String prefix) {
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      page.append("| `")
          .append(prefix)
          .append(property.getKey())
          .append("` | ")
          .append(describe(property.getValue()))
          .append(" |\n");
    }
  }

  private static String describe(JsonNode schema) {
    for (String combinator : List.of("anyOf", "oneOf")) {
      if (schema.has(combinator)) {
        StringBuilder text = new StringBuilder();
        for (JsonNode alternative : schema.get(combinator)) {
          text.append(text.isEmpty() ? "" : " or ").append(describe(alternative));
        }
        return text.toString();
      }
    }
    JsonNode type = schema.path("type");
    String text = type.isArray() ? joined(type) : type.asText("any");
    if (schema.has("items")) {
      text += " of " + describe(schema.get("items"));
    }
    if (schema.has("format")) {
      text += " (" + schema.get("format").asText() + ")";
    }
    return text;
  }

  private static String joined(JsonNode array) {
    StringBuilder text = new StringBuilder();
    for (JsonNode item : array) {
      text.append(text.isEmpty() ? "" : " or ").append(item.asText());
    }
    return text.toString();
  }

  /** Returns the HTTP page: every route the running API serves and every problem type. */
  public static String http(List<String> routes) {
    StringBuilder page = header("HTTP routes and problem types");
    page.append("[../http-api.md](../http-api.md) explains each route.\n\n")
        .append("| method | path |\n|---|---|\n");
    for (String route : routes) {
      int space = route.indexOf(' ');
      page.append("| ")
          .append(route, 0, space)
          .append(" | `")
          .append(route.substring(space + 1))
          .append("` |\n");
    }
    page.append("\n## Problem types\n\n| type | status | title |\n|---|---|---|\n");
    for (ProblemType problem : ProblemType.values()) {
      page.append("| `")
          .append(problem.uri())
          .append("` | ")
          .append(problem.status())
          .append(" | ")
          .append(problem.title())
          .append(" |\n");
    }
    return page.toString();
  }

  private static StringBuilder header(String title) {
    return new StringBuilder("# ")
        .append(title)
        .append("\n\nThis page is generated from the code; regenerate it with\n`")
        .append(REGENERATE)
        .append("`.\n\n");
  }
}
