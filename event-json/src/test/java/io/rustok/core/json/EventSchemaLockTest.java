package io.rustok.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.event.EventTypes;
import io.rustok.core.domain.event.EventVersion;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract lock: every released schema in {@code event-schemas.lock.json} must match the schema
 * the code derives, and every schema in the code must be in the lock.
 *
 * <p>With {@code -Drustok.regenerate=true} the test first adds the versions that the lock lacks
 * (see {@link SchemaLock#REGENERATE_COMMAND}); it never changes or removes an entry, so a changed
 * released schema keeps failing.
 */
class EventSchemaLockTest {
  @BeforeAll
  static void regenerateIfRequested() throws Exception {
    if (!Boolean.getBoolean("rustok.regenerate")) {
      return;
    }
    SchemaLock actual = SchemaLock.of(EventSchemaCatalog.standard());
    SchemaLock current =
        Files.exists(SchemaLock.FILE) ? SchemaLock.read(SchemaLock.FILE) : new SchemaLock(Map.of());
    Files.writeString(SchemaLock.FILE, current.withNewVersionsOf(actual).toJson());
  }

  @Test
  void committedLockMatchesTheCode() throws Exception {
    SchemaLock actual = SchemaLock.of(EventSchemaCatalog.standard());

    SchemaLock committed = SchemaLock.read(SchemaLock.FILE);

    assertThat(committed.problemsWith(actual)).isEmpty();
  }

  @Test
  void committedFileIsWrittenInItsCanonicalForm() throws Exception {
    SchemaLock committed = SchemaLock.read(SchemaLock.FILE);

    assertThat(Files.readString(SchemaLock.FILE)).isEqualTo(committed.toJson());
  }

  @Test
  void editedDigestFailsNamingTheType() throws Exception {
    SchemaLock actual = SchemaLock.of(EventSchemaCatalog.standard());
    Map<String, Map<Integer, String>> edited = copy(actual);
    edited.get("node.deleted").put(1, "0".repeat(64));

    List<String> problems = new SchemaLock(edited).problemsWith(actual);

    assertThat(problems).hasSize(1);
    assertThat(problems.getFirst())
        .startsWith("node.deleted version 1 differs from its locked schema");
  }

  @Test
  void changedFieldWithoutBumpFails() {
    SchemaLock locked = SchemaLock.of(EventSchemaCatalog.standard());
    SchemaLock withExtraField =
        SchemaLock.of(
            EventSchemaCatalog.of(
                replaceShape(new EventVersion("node.deleted", 1, NodeDeletedWithReason.class))));

    List<String> problems = locked.problemsWith(withExtraField);

    assertThat(problems).hasSize(1);
    assertThat(problems.getFirst())
        .startsWith("node.deleted version 1 differs from its locked schema");
  }

  @Test
  void removedReleasedVersionFails() {
    SchemaLock locked = SchemaLock.of(EventSchemaCatalog.standard());
    List<EventVersion> withoutV1 = new ArrayList<>(EventTypes.allVersions());
    withoutV1.removeIf(version -> version.type().equals("node.created") && version.version() == 1);

    List<String> problems = locked.problemsWith(SchemaLock.of(EventSchemaCatalog.of(withoutV1)));

    assertThat(problems)
        .containsExactly(
            "node.created version 1 is released but the code no longer has it: keep the shape of every"
                + " released version as a record nested in the event record");
  }

  @Test
  void newVersionMissingFromLockFailsUntilRegenerated() {
    SchemaLock actual = SchemaLock.of(EventSchemaCatalog.standard());
    Map<String, Map<Integer, String>> older = copy(actual);
    older.get("node.created").remove(2);
    SchemaLock locked = new SchemaLock(older);

    List<String> before = locked.problemsWith(actual);
    List<String> after = locked.withNewVersionsOf(actual).problemsWith(actual);

    assertThat(before).hasSize(1);
    assertThat(before.getFirst()).startsWith("node.created version 2 is not in");
    assertThat(before.getFirst()).contains(SchemaLock.REGENERATE_COMMAND);
    assertThat(after).isEmpty();
  }

  @Test
  void regeneratingKeepsEditedDigest() throws Exception {
    SchemaLock actual = SchemaLock.of(EventSchemaCatalog.standard());
    Map<String, Map<Integer, String>> edited = copy(actual);
    edited.get("tenant.created").put(1, "f".repeat(64));

    SchemaLock regenerated = new SchemaLock(edited).withNewVersionsOf(actual);

    assertThat(regenerated.digests().get("tenant.created").get(1)).isEqualTo("f".repeat(64));
    assertThat(regenerated.problemsWith(actual)).hasSize(1);
  }

  private static Map<String, Map<Integer, String>> copy(SchemaLock lock) {
    Map<String, Map<Integer, String>> copy = new TreeMap<>();
    lock.digests().forEach((type, versions) -> copy.put(type, new TreeMap<>(versions)));
    return copy;
  }

  private static List<EventVersion> replaceShape(EventVersion replacement) {
    List<EventVersion> versions = new ArrayList<>();
    for (EventVersion version : EventTypes.allVersions()) {
      boolean same =
          version.type().equals(replacement.type()) && version.version() == replacement.version();
      versions.add(same ? replacement : version);
    }
    return versions;
  }

  /** {@code node.deleted} version 1 with one field more, as a careless change would leave it. */
  record NodeDeletedWithReason(NodeId nodeId, NodeKind kind, String reason) {}
}
