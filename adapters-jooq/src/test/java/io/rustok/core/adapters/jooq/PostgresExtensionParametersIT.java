package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.testing.postgres.PostgresExtension;
import io.rustok.core.testing.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fixture registered with {@code @ExtendWith}, which migrates and injects parameters. */
@ExtendWith(PostgresExtension.class)
class PostgresExtensionParametersIT {
  @Test
  void parametersNameOneMigratedDatabase(
      TestDatabase database, DataSource dataSource, DSLContext dsl) throws SQLException {
    String catalog;
    try (Connection connection = dataSource.getConnection()) {
      catalog = connection.getCatalog();
    }

    assertThat(catalog).isEqualTo(database.name());
    assertThat(dsl.fetchValue("select current_database()")).isEqualTo(database.name());
    assertThat(database.appliedMigrations()).containsExactly("1", "2", "3");
  }
}
