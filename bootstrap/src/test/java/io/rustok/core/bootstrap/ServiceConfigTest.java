package io.rustok.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.adapters.http.tenancy.TenantCacheSettings;
import io.rustok.core.adapters.http.tenancy.TenantSource;
import io.rustok.core.application.tenancy.TenantReference;
import io.rustok.core.domain.shared.Slug;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

  @Test
  void defaultsSelectMemoryOnPort8080() {
    ServiceConfig config = ServiceConfig.fromEnvironment(Map.of());

    assertThat(config.storage()).isEqualTo(ServiceConfig.Storage.MEMORY);
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.httpHost()).isEqualTo("0.0.0.0");
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
                "RUSTOK_DATABASE_STATEMENT_TIMEOUT_MS", "1500",
                "RUSTOK_DATABASE_MIGRATE", "false"));

    assertThat(config.storage()).isEqualTo(ServiceConfig.Storage.POSTGRES);
    assertThat(config.postgres().orElseThrow().migrate()).isFalse();
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

  @Test
  void tenantResolutionDefaultsToHeaderWithDocumentedCache() {
    ServiceConfig config = ServiceConfig.fromEnvironment(Map.of());

    assertThat(config.tenantSource()).isEqualTo(new TenantSource.Header());
    assertThat(config.tenantCache()).isEqualTo(TenantCacheSettings.defaults());
    assertThat(config.tenantCache().ttl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.tenantCache().negativeTtl()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void hostResolutionReadsTrustedProxies() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of(
                "RUSTOK_TENANT_RESOLUTION", "host",
                "RUSTOK_TRUSTED_PROXIES", "10.0.0.0/8, ::1"));

    TenantSource.Host host = (TenantSource.Host) config.tenantSource();
    assertThat(host.trustedProxies().contains("10.1.2.3")).isTrue();
    assertThat(host.trustedProxies().contains("192.0.2.1")).isFalse();
  }

  @Test
  void disabledResolutionNeedsValidDefaultTenant() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of("RUSTOK_TENANT_RESOLUTION", "disabled", "RUSTOK_DEFAULT_TENANT", "acme"));

    assertThat(config.tenantSource())
        .isEqualTo(new TenantSource.Disabled(new TenantReference.BySlug(Slug.of("acme"))));
    assertThatThrownBy(
            () -> ServiceConfig.fromEnvironment(Map.of("RUSTOK_TENANT_RESOLUTION", "disabled")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("RUSTOK_DEFAULT_TENANT");
    assertThatThrownBy(
            () ->
                ServiceConfig.fromEnvironment(
                    Map.of(
                        "RUSTOK_TENANT_RESOLUTION",
                        "disabled",
                        "RUSTOK_DEFAULT_TENANT",
                        "Not A Slug")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("RUSTOK_DEFAULT_TENANT is invalid");
  }

  @Test
  void invalidTenantSettingsAreRejectedNamingTheVariable() {
    assertThatThrownBy(
            () -> ServiceConfig.fromEnvironment(Map.of("RUSTOK_TENANT_RESOLUTION", "cookie")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("expected header, host or disabled");
    assertThatThrownBy(
            () -> ServiceConfig.fromEnvironment(Map.of("RUSTOK_TRUSTED_PROXIES", "proxy.internal")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("RUSTOK_TRUSTED_PROXIES is invalid");
    assertThatThrownBy(
            () -> ServiceConfig.fromEnvironment(Map.of("RUSTOK_TENANT_CACHE_TTL_MS", "0")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("RUSTOK_TENANT_CACHE_TTL_MS");
  }
}
