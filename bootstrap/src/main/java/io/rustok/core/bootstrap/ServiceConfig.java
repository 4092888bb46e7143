package io.rustok.core.bootstrap;

import io.rustok.core.adapters.http.tenancy.TenantCacheSettings;
import io.rustok.core.adapters.http.tenancy.TenantSource;
import io.rustok.core.adapters.http.tenancy.TrustedProxies;
import io.rustok.core.adapters.jooq.PostgresConfig;
import io.rustok.core.application.outbox.RelaySettings;
import io.rustok.core.application.tenancy.TenantReference;
import io.rustok.core.domain.shared.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The service's configuration, read from environment variables (see {@link Settings}). Reading
 * fails at start-up with a {@link ConfigurationException} that names the variable, never later.
 */
public record ServiceConfig(
    String httpHost,
    int httpPort,
    long maxBodyBytes,
    Storage storage,
    Optional<PostgresConfig> postgres,
    RelaySettings relay,
    boolean relayEnabled,
    TenantSource tenantSource,
    TenantCacheSettings tenantCache,
    URI eventSource) {

  /** Storage technology of the service. */
  public enum Storage {
    MEMORY,
    POSTGRES
  }

  public static ServiceConfig fromEnvironment(Map<String, String> env) {
    Reader reader = new Reader(env);
    RelaySettings relay;
    try {
      relay =
          new RelaySettings(
              reader.intValue(Settings.RELAY_BATCH_SIZE, 1, 10_000),
              reader.intValue(Settings.RELAY_MAX_ATTEMPTS, 1, 1000),
              Duration.ofMillis(reader.intValue(Settings.RELAY_BACKOFF_BASE_MS, 1, 86_400_000)),
              Duration.ofMillis(reader.intValue(Settings.RELAY_BACKOFF_CAP_MS, 1, 86_400_000)),
              Duration.ofMillis(reader.intValue(Settings.RELAY_LEASE_MS, 100, 86_400_000)),
              Duration.ofMillis(reader.intValue(Settings.RELAY_POLL_MS, 1, 3_600_000)));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("invalid relay settings: " + e.getMessage());
    }
    Storage storage = reader.storage();
    return new ServiceConfig(
        reader.text(Settings.HTTP_HOST),
        reader.intValue(Settings.HTTP_PORT, 0, 65_535),
        reader.intValue(Settings.HTTP_MAX_BODY_BYTES, 1024, Integer.MAX_VALUE),
        storage,
        storage == Storage.POSTGRES ? Optional.of(reader.postgres()) : Optional.empty(),
        relay,
        reader.bool(Settings.RELAY_ENABLED),
        reader.tenantSource(),
        reader.tenantCache(),
        reader.uri(Settings.EVENT_SOURCE));
  }

  private record Reader(Map<String, String> env) {
    String text(Setting setting) {
      String value = env.get(setting.name());
      return value == null || value.isBlank() ? setting.defaultValue() : value.strip();
    }

    int intValue(Setting setting, int min, int max) {
      String text = text(setting);
      try {
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
          throw new NumberFormatException();
        }
        return value;
      } catch (NumberFormatException e) {
        throw new ConfigurationException(
            "%s=%s is invalid: expected a whole number from %d to %d"
                .formatted(setting.name(), text, min, max));
      }
    }

    URI uri(Setting setting) {
      String text = text(setting);
      try {
        return new URI(text);
      } catch (URISyntaxException e) {
        throw new ConfigurationException(
            "%s=%s is invalid: expected a URI reference such as urn:rustok:core (%s)"
                .formatted(setting.name(), text, e.getReason()));
      }
    }

    boolean bool(Setting setting) {
      String text = text(setting);
      return switch (text) {
        case "true" -> true;
        case "false" -> false;
        default ->
            throw new ConfigurationException(
                setting.name() + "=" + text + " is invalid: expected true or false");
      };
    }

    Storage storage() {
      String explicit = env.get(Settings.STORAGE.name());
      if (explicit == null || explicit.isBlank()) {
        return present(Settings.DATABASE_URL) ? Storage.POSTGRES : Storage.MEMORY;
      }
      return switch (explicit.strip()) {
        case "memory" -> Storage.MEMORY;
        case "postgres" -> Storage.POSTGRES;
        default ->
            throw new ConfigurationException(
                Settings.STORAGE.name()
                    + "="
                    + explicit
                    + " is invalid: expected memory or postgres");
      };
    }

    TenantSource tenantSource() {
      TrustedProxies proxies;
      try {
        proxies = TrustedProxies.parse(text(Settings.TRUSTED_PROXIES));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            Settings.TRUSTED_PROXIES.name() + " is invalid: " + e.getMessage());
      }
      String mode = text(Settings.TENANT_RESOLUTION);
      return switch (mode) {
        case "header" -> new TenantSource.Header();
        case "host" -> new TenantSource.Host(proxies);
        case "disabled" -> new TenantSource.Disabled(defaultTenant());
        default ->
            throw new ConfigurationException(
                Settings.TENANT_RESOLUTION.name()
                    + "="
                    + mode
                    + " is invalid: expected header, host or disabled");
      };
    }

    TenantReference defaultTenant() {
      String name = Settings.DEFAULT_TENANT.name();
      if (!present(Settings.DEFAULT_TENANT)) {
        throw new ConfigurationException(
            Settings.TENANT_RESOLUTION.name()
                + "=disabled needs "
                + name
                + ", the id or slug of the tenant that every request belongs to");
      }
      try {
        return TenantReference.parse(text(Settings.DEFAULT_TENANT), name);
      } catch (ValidationException e) {
        throw new ConfigurationException(name + " is invalid: it " + e.reason());
      }
    }

    TenantCacheSettings tenantCache() {
      try {
        return new TenantCacheSettings(
            Duration.ofMillis(intValue(Settings.TENANT_CACHE_TTL_MS, 1, 86_400_000)),
            Duration.ofMillis(intValue(Settings.TENANT_CACHE_NEGATIVE_TTL_MS, 1, 86_400_000)),
            intValue(Settings.TENANT_CACHE_MAX_ENTRIES, 1, 100_000_000),
            Duration.ofMillis(intValue(Settings.TENANT_LOOKUP_TIMEOUT_MS, 1, 3_600_000)));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException("invalid tenant cache settings: " + e.getMessage());
      }
    }

    boolean present(Setting setting) {
      String value = env.get(setting.name());
      return value != null && !value.isBlank();
    }

    PostgresConfig postgres() {
      if (!present(Settings.DATABASE_URL)) {
        throw new ConfigurationException(
            Settings.STORAGE.name()
                + "=postgres needs "
                + Settings.DATABASE_URL.name()
                + ", such as jdbc:postgresql://127.0.0.1:5432/rustok");
      }
      PostgresConfig config;
      try {
        config = PostgresConfig.of(text(Settings.DATABASE_URL));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            Settings.DATABASE_URL.name() + " is invalid: " + e.getMessage());
      }
      if (present(Settings.DATABASE_USER)) {
        config =
            config.withCredentials(
                text(Settings.DATABASE_USER), env.get(Settings.DATABASE_PASSWORD.name()));
      } else if (present(Settings.DATABASE_PASSWORD)) {
        throw new ConfigurationException(
            Settings.DATABASE_PASSWORD.name()
                + " is set but "
                + Settings.DATABASE_USER.name()
                + " is not");
      }
      return config
          .withMaximumPoolSize(intValue(Settings.DATABASE_POOL_SIZE, 1, 1000))
          .withStatementTimeout(
              Duration.ofMillis(intValue(Settings.DATABASE_STATEMENT_TIMEOUT_MS, 0, 86_400_000)))
          .withMigrate(bool(Settings.DATABASE_MIGRATE));
    }
  }
}
