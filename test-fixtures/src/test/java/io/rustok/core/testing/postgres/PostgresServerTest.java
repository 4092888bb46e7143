package io.rustok.core.testing.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class PostgresServerTest {
  @Test
  void urlForReplacesOnlyTheDatabase() {
    PostgresServer server =
        PostgresServer.resolve("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&ssl=false");

    assertThat(server.urlFor("rustok_test_1"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/rustok_test_1?user=postgres&ssl=false");
  }

  @Test
  void urlWithoutDatabaseGetsOne() {
    PostgresServer server = PostgresServer.resolve("jdbc:postgresql://db.internal");

    assertThat(server.urlFor("rustok_test_1"))
        .isEqualTo("jdbc:postgresql://db.internal/rustok_test_1");
  }

  @Test
  void malformedUrlIsRejectedWithoutPassword() {
    assertThatThrownBy(() -> PostgresServer.resolve("postgres://host/db?password=s3cret"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(PostgresServer.URL_VARIABLE)
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void missingUrlWithoutDockerFailsWithAdvice() {
    assumeFalse(
        DockerClientFactory.instance().isDockerAvailable(),
        "a Docker engine is reachable, so the container fallback would start");

    assertThatThrownBy(() -> PostgresServer.resolve(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Set " + PostgresServer.URL_VARIABLE);
  }
}
