package io.rustok.core.testing.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresExtensionIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.empty();

  private static String outerDatabase;

  @BeforeAll
  static void rememberDatabase() {
    outerDatabase = db.database().name();
  }

  @Test
  void emptyDatabaseHasNoTables() {
    int tables =
        db.dsl()
            .fetchSingle(
                "select count(*) from information_schema.tables"
                    + " where table_schema = current_schema()")
            .get(0, Integer.class);

    assertThat(db.dsl().fetchValue("select current_database()")).isEqualTo(outerDatabase);
    assertThat(tables).isZero();
    assertThat(db.appliedMigrations()).isEmpty();
  }

  @Nested
  class NestedClass {
    @Test
    void nestedClassSharesDatabase() {
      assertThat(db.database().name()).isEqualTo(outerDatabase);
    }
  }
}
