package io.rustok.core.adapters.http;

import static io.rustok.core.adapters.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rustok.core.adapters.http.tenancy.CachingTenantResolver;
import io.rustok.core.adapters.http.tenancy.TenantCacheSettings;
import io.rustok.core.adapters.http.tenancy.TenantSource;
import io.rustok.core.adapters.http.tenancy.TrustedProxies;
import io.rustok.core.application.tenancy.TenantReference;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each tenant source over a real server: which reference the resolver is asked for, if any. */
class TenantSourcesTest {
  private static final TenantReference ACME_HOST =
      new TenantReference.ByHost(HostName.parse("acme.example.com"));

  private RunningApi api;

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void tenantHeaderUuidIsLookedUpById() {
    api = RunningApi.start();
    String id = createAcme().get("id").asText();

    RunningApi.Response response = api.get("/api/nodes", "X-Tenant-ID", id);

    assertThat(response.status()).isEqualTo(200);
    assertThat(api.tenantLookups)
        .containsExactly(new TenantReference.ById(TenantId.parse(id, "id")));
  }

  @Test
  void tenantHeaderSlugIsLookedUpBySlug() {
    api = RunningApi.start();
    createAcme();

    RunningApi.Response response = api.get("/api/nodes", "X-Tenant-ID", "acme");

    assertThat(response.status()).isEqualTo(200);
    assertThat(api.tenantLookups).containsExactly(new TenantReference.BySlug(Slug.of("acme")));
  }

  @Test
  void tenantIsResolvedBeforeBodyIsRead() {
    api = RunningApi.start();

    RunningApi.Response response = api.post("/api/nodes", "{not json", "X-Tenant-ID", "nobody");

    assertProblem(response, "tenant-not-found", 404);
  }

  @Test
  void hostIsNormalisedBeforeLookup() {
    api = hostMode(TrustedProxies.none());
    createAcme();

    List<RawHttp.Response> responses =
        List.of(
            get("Host: Acme.Example.COM"),
            get("Host: acme.example.com:8443"),
            get("Host: acme.example.com"),
            get("Host: acme.example.com."),
            get("Host: acme.example.com.:8080"));

    assertThat(responses).extracting(RawHttp.Response::status).containsOnly(200);
    assertThat(api.tenantLookups).hasSize(5).containsOnly(ACME_HOST);
  }

  @Test
  void hostDecidesOverTenantHeader() {
    api = hostMode(TrustedProxies.none());
    createAcme();

    RawHttp.Response response = get("Host: unknown.example", "X-Tenant-ID: acme");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).contains("/problems/tenant-not-found");
    assertThat(api.tenantLookups)
        .containsExactly(new TenantReference.ByHost(HostName.parse("unknown.example")));
  }

  @Test
  void unknownHostIsTenantNotFound() {
    api = hostMode(TrustedProxies.none());

    RawHttp.Response response = get("Host: nobody.example");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body())
        .contains("/problems/tenant-not-found")
        .contains("\"header\":\"Host\"");
  }

  @Test
  void missingHostIsBadRequestWithoutLookup() {
    api = hostMode(TrustedProxies.none());

    RawHttp.Response http10 = RawHttp.get(api.port(), "HTTP/1.0", "/api/nodes");
    RawHttp.Response http11 = RawHttp.get(api.port(), "HTTP/1.1", "/api/nodes");

    assertThat(http10.status()).isEqualTo(400);
    assertThat(http10.body()).contains("/problems/invalid-host").contains("is missing");
    assertThat(http11.status()).isEqualTo(400);
    assertThat(http11.head()).contains("application/problem+json");
    assertThat(api.tenantLookups).isEmpty();
  }

  @Test
  void emptyHostIsBadRequestWithoutLookup() {
    api = hostMode(TrustedProxies.none());

    RawHttp.Response http10 = RawHttp.get(api.port(), "HTTP/1.0", "/api/nodes", "Host: ");
    RawHttp.Response http11 = get("Host: ");

    assertThat(http10.status()).isEqualTo(400);
    assertThat(http10.head()).contains("application/problem+json");
    assertThat(http11.status()).isEqualTo(400);
    assertThat(http11.head()).contains("application/problem+json");
    assertThat(api.tenantLookups).isEmpty();
  }

  @Test
  void emptyForwardedHostIsBadRequestWithoutLookup() {
    api = hostMode(TrustedProxies.parse("127.0.0.1"));

    RawHttp.Response response = get("Host: acme.example.com", "X-Forwarded-Host:   ");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body())
        .contains("/problems/invalid-host")
        .contains("\"header\":\"X-Forwarded-Host\"")
        .contains("is empty");
    assertThat(api.tenantLookups).isEmpty();
  }

  @Test
  void malformedHostRejectedWithoutLookup() {
    api = hostMode(TrustedProxies.none());

    RawHttp.Response unbracketed = get("Host: ::1");
    RawHttp.Response badPort = get("Host: acme.example.com:http");
    RawHttp.Response overlong = get("Host: " + "a".repeat(250) + ".example");

    assertThat(unbracketed.status()).isEqualTo(400);
    assertThat(badPort.status()).isEqualTo(400);
    assertThat(overlong.status()).isEqualTo(400);
    assertThat(overlong.body()).contains("/problems/invalid-host");
    assertThat(api.tenantLookups).isEmpty();
  }

  @Test
  void repeatedHostIsBadRequestWithoutLookup() {
    api = hostMode(TrustedProxies.none());

    RawHttp.Response response = get("Host: acme.example.com", "Host: evil.example");

    assertThat(response.status()).isEqualTo(400);
    assertThat(api.tenantLookups).isEmpty();
  }

  @Test
  void ipLiteralHostNamesNoTenantWithoutLookup() {
    api = hostMode(TrustedProxies.none());

    RawHttp.Response withPort = get("Host: [::1]:8080");
    RawHttp.Response bare = get("Host: [::1]");
    RunningApi.Response byAddress = api.get("/api/nodes");

    assertThat(withPort.status()).isEqualTo(404);
    assertThat(withPort.body()).contains("/problems/tenant-not-found").contains("IP address");
    assertThat(bare.status()).isEqualTo(404);
    assertProblem(byAddress, "tenant-not-found", 404);
    assertThat(api.tenantLookups).isEmpty();
  }

  @Test
  void forwardedHostFromTrustedProxyDecides() {
    api = hostMode(TrustedProxies.parse("127.0.0.1/32"));
    createAcme();

    RawHttp.Response single =
        get(
            "Host: proxy.internal",
            "Forwarded: for=192.0.2.60;proto=https;host=\"acme.example.com:8443\"");
    RawHttp.Response appended =
        get(
            "Host: proxy.internal",
            "Forwarded: for=192.0.2.43;host=evil.example, for=198.51.100.17;host=acme.example.com");

    assertThat(single.status()).isEqualTo(200);
    assertThat(appended.status()).isEqualTo(200);
    assertThat(api.tenantLookups).containsExactly(ACME_HOST, ACME_HOST);
  }

  @Test
  void forwardedHostFromTrustedProxyIsTrimmed() {
    api = hostMode(TrustedProxies.parse("127.0.0.1"));
    createAcme();

    RawHttp.Response response =
        get("Host: proxy.internal", "X-Forwarded-Host:    acme.example.com   ");

    assertThat(response.status()).isEqualTo(200);
    assertThat(api.tenantLookups).containsExactly(ACME_HOST);
  }

  @Test
  void forwardingHeadersFromUntrustedPeerAreIgnored() {
    api = hostMode(TrustedProxies.parse("10.0.0.0/8"));
    createAcme();

    RawHttp.Response response =
        get(
            "Host: acme.example.com",
            "X-Forwarded-Host: evil.example",
            "Forwarded: host=evil.example");

    assertThat(response.status()).isEqualTo(200);
    assertThat(api.tenantLookups).containsExactly(ACME_HOST);
  }

  @Test
  void malformedForwardedFromTrustedProxyIsBadRequest() {
    api = hostMode(TrustedProxies.parse("127.0.0.1"));

    RawHttp.Response response = get("Host: acme.example.com", "Forwarded: host=\"acme.example.com");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body())
        .contains("/problems/invalid-host")
        .contains("\"header\":\"Forwarded\"");
    assertThat(api.tenantLookups).isEmpty();
  }

  @Test
  void disabledResolutionServesDefaultTenant() {
    api =
        RunningApi.start(
            new HttpApi.Settings(
                HttpApi.Settings.DEFAULT_MAX_BODY_BYTES,
                new TenantSource.Disabled(new TenantReference.BySlug(Slug.of("acme")))));
    createAcme();
    api.createTenant("other");
    api.tenantLookups.clear();

    JsonNode node = api.createNode("other", "Hello");
    RunningApi.Response read = api.get("/api/nodes/" + node.get("id").asText());

    assertThat(node.get("tenantId").asText()).isEqualTo(tenantIdOf("acme"));
    assertThat(read.status()).isEqualTo(200);
    assertThat(api.tenantLookups).containsOnly(new TenantReference.BySlug(Slug.of("acme")));
  }

  @Test
  void disabledResolutionWithoutDefaultTenantIsNotFound() {
    api =
        RunningApi.start(
            new HttpApi.Settings(
                HttpApi.Settings.DEFAULT_MAX_BODY_BYTES,
                new TenantSource.Disabled(new TenantReference.BySlug(Slug.of("missing")))));

    RunningApi.Response response = api.get("/api/nodes");

    assertProblem(response, "tenant-not-found", 404);
    assertThat(response.json().get("detail").asText()).contains("default tenant");
  }

  @Test
  void failedLookupIsServiceUnavailable() {
    api = RunningApi.start();
    CachingTenantResolver failing =
        new CachingTenantResolver(
            reference -> {
              throw new IllegalStateException("database unreachable");
            },
            TenantCacheSettings.defaults(),
            new SimpleMeterRegistry());
    api.tenantResolver = failing::find;

    RunningApi.Response response = api.get("/api/nodes", "X-Tenant-ID", "acme");

    assertProblem(response, "tenant-unavailable", 503);
    assertThat(response.body()).doesNotContain("database unreachable");
  }

  @Test
  void slowLookupIsServiceUnavailable() {
    api = RunningApi.start();
    CountDownLatch release = new CountDownLatch(1);
    CachingTenantResolver slow =
        new CachingTenantResolver(
            reference -> {
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Optional.empty();
            },
            new TenantCacheSettings(
                Duration.ofMinutes(5), Duration.ofSeconds(60), 100, Duration.ofMillis(100)),
            new SimpleMeterRegistry());
    api.tenantResolver = slow::find;

    RunningApi.Response response = api.get("/api/nodes", "X-Tenant-ID", "acme");
    release.countDown();

    assertProblem(response, "tenant-unavailable", 503);
  }

  @Test
  void resolutionTimerHasSourceAndOutcomeTagsOnly() {
    api = hostMode(TrustedProxies.none());
    createAcme();
    get("Host: acme.example.com");
    get("Host: nobody.example");
    get("Host: ::1");

    String metrics = api.get("/metrics").body();

    assertThat(metrics)
        .contains("rustok_tenant_resolution_seconds_count{outcome=\"found\",source=\"host\"} 1")
        .contains("rustok_tenant_resolution_seconds_count{outcome=\"not_found\",source=\"host\"} 1")
        .contains("rustok_tenant_resolution_seconds_count{outcome=\"invalid\",source=\"host\"} 1")
        .doesNotContain("acme.example.com")
        .doesNotContain("nobody.example");
  }

  private RunningApi hostMode(TrustedProxies proxies) {
    return RunningApi.start(
        new HttpApi.Settings(
            HttpApi.Settings.DEFAULT_MAX_BODY_BYTES, new TenantSource.Host(proxies)));
  }

  private JsonNode createAcme() {
    RunningApi.Response response =
        api.post(
            "/api/tenants",
            """
            {"slug":"acme","name":"Acme","hosts":["acme.example.com"],"locales":["en"]}""");
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    api.tenantLookups.clear();
    return response.json();
  }

  private String tenantIdOf(String slug) {
    return api.tenants.findBySlug(Slug.of(slug)).orElseThrow().id().toString();
  }

  private RawHttp.Response get(String... headerLines) {
    return RawHttp.get(api.port(), "HTTP/1.1", "/api/nodes", headerLines);
  }
}
