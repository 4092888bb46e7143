package io.rustok.core.bootstrap;

import io.rustok.core.json.CloudEventFormat;
import java.util.List;

/** Every environment variable the service reads, in one place. */
public final class Settings {
  public static final Setting HTTP_PORT =
      new Setting("RUSTOK_HTTP_PORT", "8080", "TCP port of the HTTP API; 0 picks a free port.");
  public static final Setting HTTP_HOST =
      new Setting("RUSTOK_HTTP_HOST", "0.0.0.0", "Address the HTTP API listens on.");
  public static final Setting HTTP_MAX_BODY_BYTES =
      new Setting(
          "RUSTOK_HTTP_MAX_BODY_BYTES",
          "1048576",
          "Largest request body in bytes; a larger one gets 413.");
  public static final Setting STORAGE =
      new Setting(
          "RUSTOK_STORAGE",
          "memory",
          "memory or postgres. Defaults to postgres when RUSTOK_DATABASE_URL is set.");
  public static final Setting DATABASE_URL =
      new Setting(
          "RUSTOK_DATABASE_URL",
          null,
          "JDBC URL of the PostgreSQL database, such as"
              + " jdbc:postgresql://127.0.0.1:5432/rustok; setting it selects postgres storage.");
  public static final Setting DATABASE_USER =
      new Setting("RUSTOK_DATABASE_USER", null, "PostgreSQL user, unless the URL names one.");
  public static final Setting DATABASE_PASSWORD =
      new Setting(
          "RUSTOK_DATABASE_PASSWORD", null, "PostgreSQL password, unless the URL carries one.");
  public static final Setting DATABASE_POOL_SIZE =
      new Setting("RUSTOK_DATABASE_POOL_SIZE", "10", "Most connections the pool opens.");
  public static final Setting DATABASE_STATEMENT_TIMEOUT_MS =
      new Setting(
          "RUSTOK_DATABASE_STATEMENT_TIMEOUT_MS",
          "30000",
          "PostgreSQL statement_timeout in milliseconds for pooled connections; 0 means none.");
  public static final Setting DATABASE_MIGRATE =
      new Setting(
          "RUSTOK_DATABASE_MIGRATE",
          "true",
          "Whether the service applies pending Flyway migrations when it starts.");
  public static final Setting RELAY_BATCH_SIZE =
      new Setting(
          "RUSTOK_RELAY_BATCH_SIZE", "100", "Events the relay claims and delivers at once.");
  public static final Setting RELAY_MAX_ATTEMPTS =
      new Setting(
          "RUSTOK_RELAY_MAX_ATTEMPTS",
          "10",
          "Delivery attempts before an event is parked as failed.");
  public static final Setting RELAY_BACKOFF_BASE_MS =
      new Setting(
          "RUSTOK_RELAY_BACKOFF_BASE_MS",
          "1000",
          "Delay in milliseconds before the second delivery attempt; later delays double.");
  public static final Setting RELAY_BACKOFF_CAP_MS =
      new Setting(
          "RUSTOK_RELAY_BACKOFF_CAP_MS",
          "300000",
          "Longest delay in milliseconds between two delivery attempts.");
  public static final Setting RELAY_LEASE_MS =
      new Setting(
          "RUSTOK_RELAY_LEASE_MS",
          "30000",
          "How long in milliseconds a claim holds its events before another relay may take them.");
  public static final Setting RELAY_POLL_MS =
      new Setting(
          "RUSTOK_RELAY_POLL_MS",
          "500",
          "How long in milliseconds the relay waits after finding nothing due, unless woken.");
  public static final Setting RELAY_ENABLED =
      new Setting("RUSTOK_RELAY_ENABLED", "true", "Whether this instance runs an outbox relay.");
  public static final Setting EVENT_SOURCE =
      new Setting(
          "RUSTOK_EVENT_SOURCE",
          CloudEventFormat.DEFAULT_SOURCE.toString(),
          "CloudEvents source of every event the service sends: a URI reference that names this"
              + " service, such as https://cms.example.com/core.");

  public static final Setting TENANT_RESOLUTION =
      new Setting(
          "RUSTOK_TENANT_RESOLUTION",
          "header",
          "How node requests name their tenant: header (X-Tenant-ID carries its id or slug), host"
              + " (the request's host is one of its host names) or disabled (every request"
              + " belongs to RUSTOK_DEFAULT_TENANT).");
  public static final Setting DEFAULT_TENANT =
      new Setting(
          "RUSTOK_DEFAULT_TENANT",
          null,
          "Id or slug of the tenant of every request; required when RUSTOK_TENANT_RESOLUTION is"
              + " disabled, and ignored otherwise.");
  public static final Setting TRUSTED_PROXIES =
      new Setting(
          "RUSTOK_TRUSTED_PROXIES",
          null,
          "Comma-separated CIDR blocks, such as 10.0.0.0/8,fd00::/8, of the reverse proxies whose"
              + " Forwarded and X-Forwarded-Host headers host resolution believes; none by"
              + " default.");
  public static final Setting TENANT_CACHE_TTL_MS =
      new Setting(
          "RUSTOK_TENANT_CACHE_TTL_MS",
          "300000",
          "How long in milliseconds a resolved tenant stays cached.");
  public static final Setting TENANT_CACHE_NEGATIVE_TTL_MS =
      new Setting(
          "RUSTOK_TENANT_CACHE_NEGATIVE_TTL_MS",
          "60000",
          "How long in milliseconds a tenant id, slug or host that names no tenant stays cached"
              + " as unknown.");
  public static final Setting TENANT_CACHE_MAX_ENTRIES =
      new Setting(
          "RUSTOK_TENANT_CACHE_MAX_ENTRIES",
          "10000",
          "Maximum number of cached tenant lookups, known and unknown together.");
  public static final Setting TENANT_LOOKUP_TIMEOUT_MS =
      new Setting(
          "RUSTOK_TENANT_LOOKUP_TIMEOUT_MS",
          "5000",
          "How long in milliseconds a request waits for its tenant to load before it gets 503"
              + " tenant-unavailable; the load goes on for other requests.");

  public static final List<Setting> ALL =
      List.of(
          HTTP_PORT,
          HTTP_HOST,
          HTTP_MAX_BODY_BYTES,
          STORAGE,
          DATABASE_URL,
          DATABASE_USER,
          DATABASE_PASSWORD,
          DATABASE_POOL_SIZE,
          DATABASE_STATEMENT_TIMEOUT_MS,
          DATABASE_MIGRATE,
          RELAY_BATCH_SIZE,
          RELAY_MAX_ATTEMPTS,
          RELAY_BACKOFF_BASE_MS,
          RELAY_BACKOFF_CAP_MS,
          RELAY_LEASE_MS,
          RELAY_POLL_MS,
          RELAY_ENABLED,
          TENANT_RESOLUTION,
          DEFAULT_TENANT,
          TRUSTED_PROXIES,
          TENANT_CACHE_TTL_MS,
          TENANT_CACHE_NEGATIVE_TTL_MS,
          TENANT_CACHE_MAX_ENTRIES,
          TENANT_LOOKUP_TIMEOUT_MS,
          EVENT_SOURCE);

  private Settings() {}
}
