package io.rustok.core.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rustok.core.adapters.inmemory.InMemoryNodeRepository;
import io.rustok.core.adapters.inmemory.InMemoryOutbox;
import io.rustok.core.adapters.inmemory.InMemoryTenantRepository;
import io.rustok.core.adapters.inmemory.InMemoryUnitOfWork;
import io.rustok.core.application.EventPublisher;
import io.rustok.core.application.content.CreateNode;
import io.rustok.core.application.content.DeleteNode;
import io.rustok.core.application.content.GetNode;
import io.rustok.core.application.content.ListNodes;
import io.rustok.core.application.content.PublishNode;
import io.rustok.core.application.content.UnpublishNode;
import io.rustok.core.application.content.UpdateNode;
import io.rustok.core.application.outbox.InspectOutbox;
import io.rustok.core.application.outbox.ReplayFailedEvent;
import io.rustok.core.application.tenancy.CreateTenant;
import io.rustok.core.application.tenancy.GetTenant;
import io.rustok.core.application.tenancy.ResolveTenant;
import io.rustok.core.application.tenancy.TenantChangeListener;
import io.rustok.core.application.tenancy.TenantReference;
import io.rustok.core.application.tenancy.UpdateTenant;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.shared.UuidV7;
import io.rustok.core.testing.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The HTTP API started on a free loopback port over the real use cases and the in-memory adapters,
 * with a clock that the test controls and an HTTP client to call it.
 */
final class RunningApi implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final MutableClock clock = MutableClock.create();
  final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
  final InMemoryTenantRepository tenants = new InMemoryTenantRepository(unitOfWork);
  final InMemoryNodeRepository nodes = new InMemoryNodeRepository(unitOfWork);
  final InMemoryOutbox outbox = new InMemoryOutbox(unitOfWork, clock);

  /** Readiness check of the server, which tests replace. */
  volatile BooleanSupplier readiness = () -> true;

  /** Tenant resolver of the server, which tests may wrap to inject failures. */
  volatile TenantResolver tenantResolver;

  /** Every reference the server asked the tenant resolver for, in order. */
  final List<TenantReference> tenantLookups = new CopyOnWriteArrayList<>();

  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private final HttpApi api;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private RunningApi(HttpApi.Settings settings) {
    UuidV7 ids = new UuidV7(clock);
    EventPublisher events = new EventPublisher(unitOfWork, outbox, ids, clock, () -> {});
    ResolveTenant resolveTenant = new ResolveTenant(tenants);
    tenantResolver = resolveTenant::find;
    HttpApi.Dependencies dependencies =
        new HttpApi.Dependencies(
            new CreateTenant(unitOfWork, tenants, events, ids, clock),
            new GetTenant(tenants),
            new UpdateTenant(unitOfWork, tenants, events, clock, TenantChangeListener.NONE),
            reference -> {
              tenantLookups.add(reference);
              return tenantResolver.find(reference);
            },
            new CreateNode(unitOfWork, nodes, events, ids, clock),
            new GetNode(nodes),
            new ListNodes(nodes),
            new UpdateNode(unitOfWork, nodes, events, clock),
            new PublishNode(unitOfWork, nodes, events, clock),
            new UnpublishNode(unitOfWork, nodes, events, clock),
            new DeleteNode(unitOfWork, nodes, events),
            new InspectOutbox(outbox),
            new ReplayFailedEvent(outbox, () -> {}),
            () -> readiness.getAsBoolean(),
            registry);
    api = new HttpApi(dependencies, settings).start(0);
  }

  static RunningApi start() {
    return new RunningApi(HttpApi.Settings.defaults());
  }

  static RunningApi start(HttpApi.Settings settings) {
    return new RunningApi(settings);
  }

  @Override
  public void close() {
    api.stop();
    client.close();
  }

  int port() {
    return api.port();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + api.port() + path);
  }

  /** Starts a request to {@code path}, with {@code headers} given as names and values in turn. */
  HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  Response get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  Response delete(String path, String... headers) {
    return send(request(path, headers).DELETE());
  }

  Response post(String path, String json, String... headers) {
    return withJson("POST", path, json, headers);
  }

  Response patch(String path, String json, String... headers) {
    return withJson("PATCH", path, json, headers);
  }

  Response withJson(String method, String path, String json, String... headers) {
    BodyPublisher body = json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json);
    HttpRequest.Builder builder = request(path, headers).method(method, body);
    if (json != null && !hasHeader(headers, "Content-Type")) {
      builder.header("Content-Type", "application/json");
    }
    return send(builder);
  }

  private static boolean hasHeader(String[] headers, String name) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  Response send(HttpRequest.Builder request) {
    try {
      var response = client.send(request.build(), BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a response", e);
    }
  }

  /**
   * Writes {@code request} as it is to a new connection, half-closes the connection and returns
   * everything the server sends back, so a test can send what no HTTP client would.
   */
  String sendRaw(String request) {
    try (Socket socket = new Socket("127.0.0.1", api.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code request} as {@link #sendRaw(String)} does and parses the response. */
  Response sendRawForResponse(String request) {
    return Response.parseRaw(sendRaw(request));
  }

  /** Creates a tenant with locale {@code en} and returns its JSON. */
  JsonNode createTenant(String slug) {
    Response response =
        post(
            "/api/tenants",
            """
            {"slug":"%s","name":"Tenant %s","locales":["en"]}"""
                .formatted(slug, slug));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  /** Creates a draft post with one English translation in the tenant and returns its JSON. */
  JsonNode createNode(String tenant, String title) {
    Response response =
        post(
            "/api/nodes",
            """
            {"kind":"post","translations":[{"locale":"en","title":"%s"}]}"""
                .formatted(title),
            "X-Tenant-ID",
            tenant);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json();
  }

  /** Claims every pending event and returns the envelopes in the order they were appended. */
  List<EventEnvelope> claimPendingEnvelopes() {
    return outbox.claim(1000, Duration.ofMinutes(1)).stream()
        .map(claimed -> claimed.envelope().orElseThrow())
        .toList();
  }

  /** Sends a request that must succeed, proving the server still serves after a failure. */
  void assertStillServes() {
    String slug = "alive-" + System.nanoTime();
    JsonNode tenant = createTenant(slug);
    Response read = get("/api/tenants/" + tenant.get("id").asText());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("slug").asText()).isEqualTo(slug);
  }

  record Response(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      return parse(body);
    }

    static JsonNode parse(String body) {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("response body is not JSON: " + body, e);
      }
    }

    /** Parses a whole HTTP/1.1 response whose body ends where the connection closes. */
    static Response parseRaw(String raw) {
      int headerEnd = raw.indexOf("\r\n\r\n");
      assertThat(headerEnd).as(raw).isPositive();
      String[] lines = raw.substring(0, headerEnd).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers
            .computeIfAbsent(lines[i].substring(0, colon), name -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).strip());
      }
      return new Response(
          status, HttpHeaders.of(headers, (name, value) -> true), raw.substring(headerEnd + 4));
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }
}
