package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresConfigTest {
  @Test
  void toStringHidesPasswords() {
    PostgresConfig config =
        PostgresConfig.of("jdbc:postgresql://127.0.0.1/rustok?user=app&password=s3cret&ssl=false")
            .withCredentials("app", "other-s3cret");

    String text = config.toString();

    assertThat(text).doesNotContain("s3cret");
    assertThat(text).contains("password=***&ssl=false");
  }

  @Test
  void toStringMarksUnsetCredentials() {
    PostgresConfig config = PostgresConfig.of("jdbc:postgresql://127.0.0.1/rustok");

    String text = config.toString();

    assertThat(text).contains("username=(not set)");
    assertThat(text).contains("password=(not set)");
  }

  @Test
  void defaultsAreApplied() {
    PostgresConfig config = PostgresConfig.of("jdbc:postgresql://127.0.0.1/rustok");

    assertThat(config.maximumPoolSize()).isEqualTo(PostgresConfig.DEFAULT_POOL_SIZE);
    assertThat(config.statementTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.migrate()).isTrue();
    assertThat(config.username()).isEmpty();
  }

  @Test
  void nonPostgresUrlIsRejected() {
    assertThatThrownBy(() -> PostgresConfig.of("jdbc:mysql://127.0.0.1/rustok"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:postgresql:");
  }

  @Test
  void invalidSizesAreRejected() {
    PostgresConfig config = PostgresConfig.of("jdbc:postgresql://127.0.0.1/rustok");

    assertThatThrownBy(() -> config.withMaximumPoolSize(0)).hasMessageContaining("maximumPoolSize");
    assertThatThrownBy(() -> config.withStatementTimeout(Duration.ofSeconds(-1)))
        .hasMessageContaining("statementTimeout");
  }

  @Test
  void poolTakesStatementTimeoutAndSize() {
    PostgresConfig config =
        PostgresConfig.of("jdbc:postgresql://127.0.0.1/rustok")
            .withMaximumPoolSize(3)
            .withStatementTimeout(Duration.ofMillis(1500));

    var pool = JooqAdapters.poolConfig(config);

    assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
    assertThat(pool.getConnectionInitSql()).isEqualTo("SET statement_timeout = 1500");
    assertThat(pool.isAutoCommit()).isTrue();
  }
}
