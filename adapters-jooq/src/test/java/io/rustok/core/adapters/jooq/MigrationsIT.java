package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.testing.postgres.PostgresExtension;
import io.rustok.core.testing.postgres.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigrationsIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();

  private static final Pattern VERSIONED = Pattern.compile("V([0-9_.]+)__.+\\.sql");

  @Test
  void fixtureAppliesEveryShippedMigration() throws Exception {
    List<String> shipped = migrationVersionsOnClassPath();

    List<String> history =
        db.dsl()
            .fetch(
                "select version from flyway_schema_history where success order by installed_rank")
            .getValues(0, String.class);

    assertThat(shipped).containsExactly("1", "2", "3");
    assertThat(history).isEqualTo(shipped);
    assertThat(db.appliedMigrations()).isEqualTo(shipped);
  }

  @Test
  void migratedSchemaHasEveryTable() {
    List<String> tables =
        db.dsl()
            .fetch(
                "select table_name from information_schema.tables"
                    + " where table_schema = current_schema() order by table_name")
            .getValues(0, String.class);

    assertThat(tables)
        .contains(
            "tenants", "tenant_hosts", "nodes", "node_translations", "node_bodies", "sys_events");
  }

  @Test
  void outboxPagesLeaveHalfFreeForUpdates() {
    List<String> options =
        db.dsl()
            .fetch("select unnest(reloptions) from pg_class where oid = 'sys_events'::regclass")
            .getValues(0, String.class);

    assertThat(options).containsExactly("fillfactor=50");
  }

  @Test
  void versionTwoStopsOnPayloadWithoutType() {
    try (TestDatabase old = TestDatabase.create()) {
      old.migrateTo("1");
      old.dsl()
          .execute(
              "insert into sys_events (id, payload) values (gen_random_uuid(), ?::jsonb)",
              "{\"schemaVersion\": 1}");

      assertThatThrownBy(old::migrate)
          .isInstanceOf(FlywayException.class)
          .hasMessageContaining("event_type");
      assertThat(old.appliedMigrations()).containsExactly("1");
    }
  }

  /** Reads the versions of the files under db/migration, from a directory or a jar. */
  private static List<String> migrationVersionsOnClassPath()
      throws IOException, URISyntaxException {
    URL location = MigrationsIT.class.getClassLoader().getResource("db/migration");
    assertThat(location).as("db/migration on the test class path").isNotNull();
    URI uri = location.toURI();
    if (uri.getScheme().equals("jar")) {
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return versionsIn(jar.provider().getPath(uri));
      }
    }
    return versionsIn(Path.of(uri));
  }

  private static List<String> versionsIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(file -> VERSIONED.matcher(file.getFileName().toString()))
          .filter(Matcher::matches)
          .map(matcher -> matcher.group(1))
          .sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
          .toList();
    }
  }
}
