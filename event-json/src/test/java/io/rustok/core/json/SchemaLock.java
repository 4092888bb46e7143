package io.rustok.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The digests in {@code event-schemas.lock.json}: for every released version of every event type,
 * the SHA-256 of its canonical schema. Every version in the lock counts as released, so its schema
 * may never change or disappear; a change needs a new version.
 *
 * @param digests digest by type name, then by version
 */
record SchemaLock(Map<String, Map<Integer, String>> digests) {
  /** The lock file, relative to the event-json module, where Maven runs its tests. */
  static final Path FILE = Path.of("event-schemas.lock.json");

  /** The one command that adds new versions to the lock; it never changes or removes one. */
  static final String REGENERATE_COMMAND =
      "./mvnw -q -B -pl event-json -am test -Dtest=EventSchemaLockTest -Drustok.regenerate=true"
          + " -Dsurefire.failIfNoSpecifiedTests=false";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  SchemaLock {
    Map<String, Map<Integer, String>> sorted = new TreeMap<>();
    digests.forEach(
        (type, versions) -> sorted.put(type, Collections.unmodifiableMap(new TreeMap<>(versions))));
    digests = Collections.unmodifiableMap(sorted);
  }

  static SchemaLock of(EventSchemaCatalog catalog) {
    Map<String, Map<Integer, String>> digests = new TreeMap<>();
    for (EventSchemaDocument document : catalog.all()) {
      digests
          .computeIfAbsent(document.type(), type -> new TreeMap<>())
          .put(document.version(), document.digest());
    }
    return new SchemaLock(digests);
  }

  static SchemaLock read(Path file) throws IOException {
    JsonNode schemas = JSON.readTree(file.toFile()).get("schemas");
    Map<String, Map<Integer, String>> digests = new TreeMap<>();
    schemas
        .fields()
        .forEachRemaining(
            type -> {
              Map<Integer, String> versions = new TreeMap<>();
              type.getValue()
                  .fields()
                  .forEachRemaining(
                      version ->
                          versions.put(
                              Integer.valueOf(version.getKey()), version.getValue().asText()));
              digests.put(type.getKey(), versions);
            });
    return new SchemaLock(digests);
  }

  /** Returns the lock as the committed file's text, types and versions in order. */
  String toJson() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put(
        "description",
        "SHA-256 of the canonical JSON Schema of every released event type and version."
            + " Never edit an entry: change an event by adding a version. See docs/events.md.");
    ObjectNode schemas = root.putObject("schemas");
    digests.forEach(
        (type, versions) -> {
          ObjectNode byVersion = schemas.putObject(type);
          new TreeMap<>(versions)
              .forEach((version, digest) -> byVersion.put(version.toString(), digest));
        });
    return JSON.writeValueAsString(root) + "\n";
  }

  /**
   * Returns this lock with the versions of {@code actual} that it lacks added. Entries already here
   * stay as they are, even where {@code actual} differs, so regenerating cannot hide a change.
   */
  SchemaLock withNewVersionsOf(SchemaLock actual) {
    Map<String, Map<Integer, String>> merged = new TreeMap<>();
    digests.forEach((type, versions) -> merged.put(type, new TreeMap<>(versions)));
    actual.digests.forEach(
        (type, versions) ->
            versions.forEach(
                (version, digest) ->
                    merged
                        .computeIfAbsent(type, name -> new TreeMap<>())
                        .putIfAbsent(version, digest)));
    return new SchemaLock(merged);
  }

  /**
   * Compares the code's schemas with this lock and returns one message per difference, each naming
   * the type and version. A difference is a changed digest, a version in the lock that the code
   * lost, or a version in the code that the lock does not contain yet.
   */
  List<String> problemsWith(SchemaLock actual) {
    List<String> problems = new ArrayList<>();
    digests.forEach(
        (type, versions) ->
            versions.forEach(
                (version, locked) -> {
                  String current = actual.digests.getOrDefault(type, Map.of()).get(version);
                  if (current == null) {
                    problems.add(
                        "%s version %d is released but the code no longer has it: keep the shape of every released version as a record nested in the event record"
                            .formatted(type, version));
                  } else if (!current.equals(locked)) {
                    problems.add(
                        ("%s version %d differs from its locked schema (digest %s, locked %s):"
                                + " a released schema or its lock entry changed. Undo the change;"
                                + " to change the event, bump the version in @EventSchema, keep"
                                + " the old shape nested and add an upcaster as docs/events.md"
                                + " describes")
                            .formatted(type, version, current, locked));
                  }
                }));
    actual.digests.forEach(
        (type, versions) ->
            versions.forEach(
                (version, digest) -> {
                  if (!digests.getOrDefault(type, Map.of()).containsKey(version)) {
                    problems.add(
                        "%s version %d is not in %s yet: add it with %s and commit the file"
                            .formatted(type, version, FILE, REGENERATE_COMMAND));
                  }
                }));
    return problems;
  }
}
