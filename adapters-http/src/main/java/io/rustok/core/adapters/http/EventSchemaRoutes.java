package io.rustok.core.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.rustok.core.application.NotFoundException;
import io.rustok.core.json.EventSchemaCatalog;
import io.rustok.core.json.EventSchemaDocument;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/events/schemas}: the JSON Schema of every version of every event type, as {@link
 * EventSchemaCatalog} derives them from the event records. The schemas hold no tenant data.
 */
final class EventSchemaRoutes {
  static final String SCHEMA_CONTENT_TYPE = "application/schema+json";

  private final EventSchemaCatalog catalog;
  private final JsonCodec json;

  EventSchemaRoutes(EventSchemaCatalog catalog, JsonCodec json) {
    this.catalog = catalog;
    this.json = json;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/events/schemas", this::list);
    routes.get("/api/events/schemas/{type}/{version}", this::get);
  }

  private void list(Context ctx) {
    List<TypeView> types = catalog.types().stream().map(this::typeView).toList();

    json.write(ctx, 200, new TypeList(types));
  }

  private void get(Context ctx) {
    String type = ctx.pathParam("type");
    String versionText = ctx.pathParam("version");
    EventSchemaDocument document =
        parseVersion(versionText)
            .flatMap(version -> catalog.find(type, version))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "schema", "of event type " + type + " version " + versionText));

    ctx.status(200).contentType(SCHEMA_CONTENT_TYPE).result(json.toBytes(document.schema()));
  }

  private static Optional<Integer> parseVersion(String text) {
    if (!text.matches("[1-9][0-9]{0,8}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(text));
  }

  private TypeView typeView(String type) {
    List<VersionView> versions =
        catalog.versionsOf(type).stream()
            .map(
                document ->
                    new VersionView(
                        document.version(),
                        document.uri().toString(),
                        "/api/events/schemas/" + type + "/" + document.version()))
            .toList();
    return new TypeView(type, versions.getLast().version(), versions);
  }

  record TypeList(List<TypeView> items) {}

  /** One event type with its current version and every version it ever had, oldest first. */
  record TypeView(String type, int currentVersion, List<VersionView> versions) {}

  /**
   * One version: {@code id} is the schema's {@code $id} and the CloudEvents {@code dataschema} of
   * its events, {@code href} the path that serves the schema.
   */
  record VersionView(int version, String id, String href) {}
}
