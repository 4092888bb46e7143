package io.rustok.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.rustok.core.testing.RecordingEventTransport;
import io.rustok.core.testing.Unique;
import io.rustok.core.testing.postgres.PostgresExtension;
import io.rustok.core.testing.postgres.StatementCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real service on a real migrated PostgreSQL database: tenant resolution through the HTTP
 * middleware, with every statement the service sends counted.
 *
 * <p>The stampede tests hold an {@code ACCESS EXCLUSIVE} lock on {@code tenants} from a connection
 * of their own, so the first tenant query blocks in the database until all requests have arrived;
 * without it, the first query could finish before the last request is sent, and later requests
 * would be plain cache hits rather than a concurrent stampede.
 */
class TenantResolutionIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();

  private static final int STAMPEDE = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StatementCounter statements = new StatementCounter();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final List<Service> services = new ArrayList<>();
  private Service service;

  @BeforeEach
  void start() {
    service = startService(statements);
  }

  @AfterEach
  void stop() {
    services.forEach(Service::close);
    client.close();
  }

  @Test
  void coldStampedeForOneTenantSendsOneQuery() throws Exception {
    String slug = Unique.slug("acme").value();
    createTenant(service, slug);

    List<HttpResponse<String>> responses;
    try (Connection lock = lockTenants()) {
      statements.reset();
      List<CompletableFuture<HttpResponse<String>>> pending = sendNodeListings(service, slug);
      await().atMost(Duration.ofSeconds(30)).until(() -> counter(service, "misses") == STAMPEDE);
      lock.rollback();
      responses = join(pending);
    }

    assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
    assertThat(statements.count("tenants")).isEqualTo(1);
    Map<String, Double> metrics = scrape(service);
    assertThat(metrics.get("rustok_tenant_cache_coalesced_total")).isGreaterThanOrEqualTo(199);
    assertThat(metrics.get("rustok_tenant_cache_loads_total{outcome=\"found\"}")).isEqualTo(1);
    assertThat(metrics.get("rustok_tenant_cache_misses_total")).isEqualTo(STAMPEDE);
  }

  @Test
  void coldStampedeForUnknownTenantSendsOneQuery() throws Exception {
    String slug = Unique.slug("nobody").value();

    List<HttpResponse<String>> responses;
    try (Connection lock = lockTenants()) {
      statements.reset();
      List<CompletableFuture<HttpResponse<String>>> pending = sendNodeListings(service, slug);
      await().atMost(Duration.ofSeconds(30)).until(() -> counter(service, "misses") == STAMPEDE);
      lock.rollback();
      responses = join(pending);
    }
    HttpResponse<String> later = get(service, "/api/nodes", "X-Tenant-ID", slug);

    assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(404);
    assertThat(responses.get(0).body()).contains("/problems/tenant-not-found");
    assertThat(later.statusCode()).isEqualTo(404);
    assertThat(statements.count("tenants")).isEqualTo(1);
    Map<String, Double> metrics = scrape(service);
    assertThat(metrics.get("rustok_tenant_cache_coalesced_total")).isGreaterThanOrEqualTo(199);
    assertThat(metrics.get("rustok_tenant_cache_loads_total{outcome=\"not_found\"}")).isEqualTo(1);
    assertThat(metrics.get("rustok_tenant_cache_negative_hits_total")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void updateOnThisInstanceReloadsOnce() {
    String slug = Unique.slug("acme").value();
    JsonNode tenant = createTenant(service, slug);
    get(service, "/api/nodes", "X-Tenant-ID", slug);

    patchTenant(service, tenant, "{\"name\":\"Acme Renamed\"}");
    statements.reset();
    for (int i = 0; i < 5; i++) {
      assertThat(get(service, "/api/nodes", "X-Tenant-ID", slug).statusCode()).isEqualTo(200);
    }

    assertThat(statements.count("tenants")).isEqualTo(1);
  }

  @Test
  void slugChangeOnThisInstanceTakesEffectAtOnce() {
    String slug = Unique.slug("acme").value();
    String renamed = Unique.slug("renamed").value();
    JsonNode tenant = createTenant(service, slug);
    get(service, "/api/nodes", "X-Tenant-ID", slug);
    get(service, "/api/nodes", "X-Tenant-ID", renamed);

    patchTenant(service, tenant, "{\"slug\":\"" + renamed + "\"}");

    assertThat(get(service, "/api/nodes", "X-Tenant-ID", slug).statusCode()).isEqualTo(404);
    assertThat(get(service, "/api/nodes", "X-Tenant-ID", renamed).statusCode()).isEqualTo(200);
  }

  @Test
  void updateOnOtherInstanceReloadsOnce() {
    StatementCounter otherStatements = new StatementCounter();
    Service other = startService(otherStatements);
    awaitListening(other);
    String slug = Unique.slug("acme").value();
    JsonNode tenant = createTenant(service, slug);
    awaitInvalidationAfter(other, 0);
    get(other, "/api/nodes", "X-Tenant-ID", slug);
    get(other, "/api/nodes", "X-Tenant-ID", slug);

    double before = invalidations(other, "key");
    patchTenant(service, tenant, "{\"name\":\"Acme Renamed\"}");
    awaitInvalidationAfter(other, before);
    otherStatements.reset();
    for (int i = 0; i < 5; i++) {
      assertThat(get(other, "/api/nodes", "X-Tenant-ID", slug).statusCode()).isEqualTo(200);
    }

    assertThat(otherStatements.count("tenants")).isEqualTo(1);
  }

  @Test
  void slugChangeOnOtherInstanceTakesEffect() {
    Service other = startService(new StatementCounter());
    awaitListening(other);
    String slug = Unique.slug("acme").value();
    String renamed = Unique.slug("renamed").value();
    JsonNode tenant = createTenant(service, slug);
    awaitInvalidationAfter(other, 0);
    assertThat(get(other, "/api/nodes", "X-Tenant-ID", slug).statusCode()).isEqualTo(200);
    assertThat(get(other, "/api/nodes", "X-Tenant-ID", renamed).statusCode()).isEqualTo(404);

    double before = invalidations(other, "key");
    patchTenant(service, tenant, "{\"slug\":\"" + renamed + "\"}");
    awaitInvalidationAfter(other, before);

    assertThat(get(other, "/api/nodes", "X-Tenant-ID", slug).statusCode()).isEqualTo(404);
    assertThat(get(other, "/api/nodes", "X-Tenant-ID", renamed).statusCode()).isEqualTo(200);
  }

  @Test
  void creationOnOtherInstanceEndsCachedMiss() {
    Service other = startService(new StatementCounter());
    awaitListening(other);
    String slug = Unique.slug("later").value();
    assertThat(get(other, "/api/nodes", "X-Tenant-ID", slug).statusCode()).isEqualTo(404);

    createTenant(service, slug);
    awaitInvalidationAfter(other, 0);

    assertThat(get(other, "/api/nodes", "X-Tenant-ID", slug).statusCode()).isEqualTo(200);
  }

  @Test
  void metricsUsePrometheusNamesWithoutTenantTags() {
    String slug = Unique.slug("acme").value();
    JsonNode tenant = createTenant(service, slug);
    get(service, "/api/nodes", "X-Tenant-ID", slug);
    get(service, "/api/nodes", "X-Tenant-ID", slug);
    get(service, "/api/nodes", "X-Tenant-ID", "nobody");
    get(service, "/api/nodes", "X-Tenant-ID", "nobody");

    HttpResponse<String> response = get(service, "/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain; version=0.0.4");
    Map<String, Double> metrics = parse(response.body());
    assertThat(metrics.get("rustok_tenant_cache_hits_total")).isEqualTo(1);
    assertThat(metrics.get("rustok_tenant_cache_negative_hits_total")).isEqualTo(1);
    assertThat(metrics.get("rustok_tenant_cache_misses_total")).isEqualTo(2);
    assertThat(metrics.get("rustok_tenant_cache_loads_total{outcome=\"found\"}")).isEqualTo(1);
    assertThat(metrics.get("rustok_tenant_cache_loads_total{outcome=\"not_found\"}")).isEqualTo(1);
    assertThat(metrics.get("rustok_tenant_cache_loads_total{outcome=\"error\"}")).isZero();
    assertThat(metrics.get("rustok_tenant_cache_coalesced_total")).isZero();
    assertThat(metrics).containsKey("rustok_tenant_cache_evictions_total");
    assertThat(metrics.get("rustok_tenant_cache_entries")).isEqualTo(2);
    assertThat(
            metrics.get(
                "rustok_tenant_resolution_seconds_count{outcome=\"found\",source=\"header\"}"))
        .isEqualTo(2);
    assertThat(
            metrics.get(
                "rustok_tenant_resolution_seconds_count{outcome=\"not_found\",source=\"header\"}"))
        .isEqualTo(2);
    assertThat(metrics.get("rustok_outbox_events{status=\"pending\"}")).isGreaterThanOrEqualTo(1);
    assertThat(metrics).containsKey("rustok_outbox_events{status=\"dispatched\"}");
    assertThat(metrics).containsKey("rustok_outbox_events{status=\"failed\"}");
    assertThat(metrics.get("rustok_outbox_oldest_pending_age_seconds")).isGreaterThanOrEqualTo(0);
    assertThat(metrics.keySet()).anyMatch(name -> name.startsWith("jvm_memory_used_bytes{"));
    assertThat(metrics.keySet()).anyMatch(name -> name.startsWith("jvm_gc_"));
    assertThat(metrics.keySet()).anyMatch(name -> name.startsWith("process_uptime_seconds"));
    assertThat(metrics.keySet())
        .anyMatch(
            name ->
                name.startsWith("http_server_requests_seconds_count{")
                    && name.contains("uri=\"/api/nodes\""));
    assertThat(response.body())
        .doesNotContain(slug)
        .doesNotContain("nobody")
        .doesNotContain(tenant.get("id").asText());
  }

  private Service startService(StatementCounter counter) {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of(
                "RUSTOK_HTTP_PORT", "0",
                "RUSTOK_HTTP_HOST", "127.0.0.1",
                "RUSTOK_DATABASE_URL", db.jdbcUrl(),
                "RUSTOK_RELAY_ENABLED", "false"));
    Service started = Service.start(config, new RecordingEventTransport(), counter::wrap);
    services.add(started);
    return started;
  }

  /** Opens a transaction that holds an exclusive lock on {@code tenants} until rolled back. */
  private static Connection lockTenants() throws SQLException {
    Connection connection = db.dataSource().getConnection();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("lock table tenants in access exclusive mode");
    }
    return connection;
  }

  private List<CompletableFuture<HttpResponse<String>>> sendNodeListings(
      Service target, String tenant) {
    List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
    for (int i = 0; i < STAMPEDE; i++) {
      pending.add(
          client.sendAsync(
              request(target, "/api/nodes", "X-Tenant-ID", tenant).GET().build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    return pending;
  }

  private static List<HttpResponse<String>> join(
      List<CompletableFuture<HttpResponse<String>>> pending) {
    return pending.stream().map(CompletableFuture::join).toList();
  }

  private static void awaitListening(Service target) {
    await().atMost(Duration.ofSeconds(10)).until(() -> invalidations(target, "all") >= 1);
  }

  /** Waits until the instance has dropped more references than {@code before}. */
  private static void awaitInvalidationAfter(Service target, double before) {
    await().atMost(Duration.ofSeconds(10)).until(() -> invalidations(target, "key") > before);
  }

  private static double invalidations(Service target, String scope) {
    return target
        .meterRegistry()
        .get("rustok.tenant.cache.invalidations")
        .tag("scope", scope)
        .functionCounter()
        .count();
  }

  private static double counter(Service target, String name) {
    FunctionCounter counter =
        target.meterRegistry().get("rustok.tenant.cache." + name).functionCounter();
    return counter.count();
  }

  private JsonNode createTenant(Service target, String slug) {
    HttpResponse<String> response =
        send(
            target,
            "POST",
            "/api/tenants",
            "{\"slug\":\"" + slug + "\",\"name\":\"Tenant " + slug + "\",\"locales\":[\"en\"]}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return readJson(response.body());
  }

  private void patchTenant(Service target, JsonNode tenant, String body) {
    HttpResponse<String> response =
        send(target, "PATCH", "/api/tenants/" + tenant.get("id").asText(), body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private HttpResponse<String> send(Service target, String method, String path, String body) {
    return execute(
        request(target, path, "Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> get(Service target, String path, String... headers) {
    return execute(request(target, path, headers).GET());
  }

  private HttpResponse<String> execute(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.Builder request(Service target, String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + path))
            .timeout(Duration.ofSeconds(60));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private Map<String, Double> scrape(Service target) {
    HttpResponse<String> response = get(target, "/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    return parse(response.body());
  }

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][^ ]*) (\\S+)$");

  /** Returns every sample of the Prometheus text format, keyed by name and labels as written. */
  private static Map<String, Double> parse(String exposition) {
    Map<String, Double> samples = new HashMap<>();
    for (String line : exposition.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (!line.startsWith("#") && sample.matches()) {
        samples.put(sample.group(1), Double.parseDouble(sample.group(2)));
      }
    }
    return samples;
  }

  private static JsonNode readJson(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(body, e);
    }
  }
}
