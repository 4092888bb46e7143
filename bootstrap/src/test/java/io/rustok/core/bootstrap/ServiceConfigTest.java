package io.rustok.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

  @Test
  void defaultsSelectMemoryOnPort8080() {
    ServiceConfig config = ServiceConfig.fromEnvironment(Map.of());

    assertThat(config.storage()).isEqualTo(ServiceConfig.Storage.MEMORY);
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(config.relay().batchSize()).isEqualTo(100);
    assertThat(config.postgres()).isEmpty();
    assertThat(config.eventSource()).hasToString("urn:rustok:core");
  }

  @Test
  void eventSourceIsReadAsUri() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of("RUSTOK_EVENT_SOURCE", "https://cms.example.com/core"));

    assertThat(config.eventSource()).hasToString("https://cms.example.com/core");
    assertThatThrownBy(() -> ServiceConfig.fromEnvironment(Map.of("RUSTOK_EVENT_SOURCE", "a b")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("RUSTOK_EVENT_SOURCE=a b is invalid");
  }

  @Test
  void databaseUrlSelectsPostgres() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of(
                "RUSTOK_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/rustok",
                "RUSTOK_DATABASE_USER", "app",
                "RUSTOK_DATABASE_PASSWORD", "secret",
                "RUSTOK_DATABASE_POOL_SIZE", "4",
                "RUSTOK_DATABASE_STATEMENT_TIMEOUT_MS", "1500"));

    assertThat(config.storage()).isEqualTo(ServiceConfig.Storage.POSTGRES);
    assertThat(config.postgres().orElseThrow().maximumPoolSize()).isEqualTo(4);
    assertThat(config.postgres().orElseThrow().statementTimeout())
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(config.postgres().orElseThrow().username()).contains("app");
    assertThat(config.postgres().orElseThrow().toString()).doesNotContain("secret");
  }

  @Test
  void postgresWithoutUrlIsRejectedNamingTheVariable() {
    assertThatThrownBy(() -> ServiceConfig.fromEnvironment(Map.of("RUSTOK_STORAGE", "postgres")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("RUSTOK_DATABASE_URL");
  }

  @Test
  void invalidNumbersAreRejectedNamingTheVariable() {
    assertThatThrownBy(() -> ServiceConfig.fromEnvironment(Map.of("RUSTOK_HTTP_PORT", "http")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("RUSTOK_HTTP_PORT=http");
    assertThatThrownBy(() -> ServiceConfig.fromEnvironment(Map.of("RUSTOK_RELAY_BATCH_SIZE", "0")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("RUSTOK_RELAY_BATCH_SIZE");
  }

  @Test
  void backoffCapShorterThanBaseIsRejected() {
    assertThatThrownBy(
            () ->
                ServiceConfig.fromEnvironment(
                    Map.of(
                        "RUSTOK_RELAY_BACKOFF_BASE_MS", "5000",
                        "RUSTOK_RELAY_BACKOFF_CAP_MS", "1000")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("backoffCap");
  }

  @Test
  void unknownStorageIsRejected() {
    assertThatThrownBy(() -> ServiceConfig.fromEnvironment(Map.of("RUSTOK_STORAGE", "redis")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("expected memory or postgres");
  }
}
