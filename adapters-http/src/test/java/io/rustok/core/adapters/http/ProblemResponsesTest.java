package io.rustok.core.adapters.http;

import static io.rustok.core.adapters.http.ProblemAssertions.assertLeaksNothing;
import static io.rustok.core.adapters.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rustok.core.application.tenancy.TenantReference;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every problem type, each followed by a request that must still succeed. */
class ProblemResponsesTest {
  private static final int TWO_MEGABYTES = 2 * 1024 * 1024;

  private final RunningApi api = RunningApi.start();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void malformedJsonIsInvalidJson() {
    Map<String, String> bodies =
        Map.of(
            "syntax", "{\"slug\":\"acme\",",
            "trailing content", "{\"slug\":\"acme\",\"name\":\"Acme\"} {}",
            "repeated key", "{\"slug\":\"acme\",\"slug\":\"other\",\"name\":\"Acme\"}",
            "empty body", "",
            "array", "[{\"slug\":\"acme\"}]",
            "deep nesting", "{\"a\":".repeat(100) + "1" + "}".repeat(100));

    bodies.forEach(
        (name, body) -> {
          RunningApi.Response response = api.post("/api/tenants", body);

          assertThat(assertProblem(response, "invalid-json", 400).has("field")).as(name).isFalse();
        });
    api.assertStillServes();
  }

  @Test
  void invalidUtf8IsInvalidJson() {
    byte[] body = "{\"slug\":\"acme\",\"name\":\"A?\"}".getBytes();
    body[body.length - 3] = (byte) 0xff;

    RunningApi.Response response =
        api.send(
            api.request("/api/tenants", "Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(body)));

    assertProblem(response, "invalid-json", 400);
    api.assertStillServes();
  }

  @Test
  void bodyInAnotherUnicodeEncodingIsInvalidJson() {
    String json = "{\"slug\":\"acme\",\"name\":\"Acme\"}";
    Map<String, byte[]> bodies =
        Map.of(
            "UTF-16LE", json.getBytes(StandardCharsets.UTF_16LE),
            "UTF-16BE", json.getBytes(StandardCharsets.UTF_16BE),
            "UTF-16 with byte order mark", json.getBytes(StandardCharsets.UTF_16),
            "UTF-32BE", json.getBytes(Charset.forName("UTF-32BE")),
            "UTF-32LE", json.getBytes(Charset.forName("UTF-32LE")));

    bodies.forEach(
        (name, body) -> {
          RunningApi.Response response =
              api.send(
                  api.request("/api/tenants", "Content-Type", "application/json")
                      .POST(BodyPublishers.ofByteArray(body)));

          assertThat(response.status()).as(name).isEqualTo(400);
          assertProblem(response, "invalid-json", 400);
        });
    api.assertStillServes();
  }

  @Test
  void utf8ByteOrderMarkIsIgnored() {
    byte[] json = "{\"slug\":\"acme\",\"name\":\"Acme\"}".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[json.length + 3];
    body[0] = (byte) 0xef;
    body[1] = (byte) 0xbb;
    body[2] = (byte) 0xbf;
    System.arraycopy(json, 0, body, 3, json.length);

    RunningApi.Response response =
        api.send(
            api.request("/api/tenants", "Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(body)));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
  }

  @Test
  void repeatedKeyIsNamedInDetail() {
    RunningApi.Response response =
        api.post("/api/tenants", "{\"slug\":\"a\",\"slug\":\"b\",\"name\":\"A\"}");

    assertThat(assertProblem(response, "invalid-json", 400).get("detail").asText())
        .contains("repeats a key");
  }

  @Test
  void wrongTypeIsInvalidFieldNamingThePath() {
    api.createTenant("acme");

    RunningApi.Response response =
        api.post(
            "/api/nodes",
            "{\"kind\":\"post\",\"translations\":[{\"locale\":\"en\",\"title\":5}]}",
            "X-Tenant-ID",
            "acme");

    JsonNode problem = assertProblem(response, "invalid-field", 400);
    assertThat(problem.get("field").asText()).isEqualTo("translations[0].title");
    assertThat(problem.get("detail").asText()).contains("string");
    api.assertStillServes();
  }

  @Test
  void scalarsAreNeverCoerced() {
    api.createTenant("acme");
    Map<String, String> cases =
        Map.of(
            "{\"kind\":\"post\",\"position\":\"3\",\"translations\":[{\"title\":\"T\"}]}",
            "position",
            "{\"kind\":\"post\",\"position\":1.5,\"translations\":[{\"title\":\"T\"}]}",
            "position",
            "{\"kind\":\"post\",\"position\":true,\"translations\":[{\"title\":\"T\"}]}",
            "position",
            "{\"kind\":true,\"translations\":[{\"title\":\"T\"}]}",
            "kind",
            "{\"kind\":\"post\",\"translations\":[{\"title\":1.0}]}",
            "translations[0].title",
            "{\"kind\":\"post\",\"translations\":{\"title\":\"T\"}}",
            "translations",
            "{\"kind\":\"post\",\"metadata\":[],\"translations\":[{\"title\":\"T\"}]}",
            "metadata",
            "{\"kind\":\"post\",\"position\":99999999999,\"translations\":[{\"title\":\"T\"}]}",
            "position");

    cases.forEach(
        (body, field) -> {
          RunningApi.Response response = api.post("/api/nodes", body, "X-Tenant-ID", "acme");

          assertThat(assertProblem(response, "invalid-field", 400).get("field").asText())
              .as(body)
              .isEqualTo(field);
        });
    api.assertStillServes();
  }

  @Test
  void unknownAndNullFieldsAreInvalidFields() {
    api.createTenant("acme");
    Map<String, String> cases =
        Map.of(
            "{\"kind\":\"post\",\"translations\":[{\"title\":\"T\",\"exerpt\":\"x\"}]}",
            "translations[0].exerpt",
            "{\"kind\":\"post\",\"translations\":[{\"title\":null}]}",
            "translations[0].title",
            "{\"kind\":\"post\",\"translations\":[null]}",
            "translations[0]",
            "{\"kind\":null,\"translations\":[{\"title\":\"T\"}]}",
            "kind",
            "{\"translations\":[{\"title\":\"T\"}]}",
            "kind",
            "{\"kind\":\"post\"}",
            "translations",
            "{\"kind\":\"post\",\"translations\":[{\"title\":\"  \"}]}",
            "translations[0].title",
            "{\"kind\":\"post\",\"translations\":[{\"title\":\"T\"}],\"bodies\":[{\"body\":null}]}",
            "bodies[0].body");

    cases.forEach(
        (body, field) -> {
          RunningApi.Response response = api.post("/api/nodes", body, "X-Tenant-ID", "acme");

          assertThat(assertProblem(response, "invalid-field", 400).get("field").asText())
              .as(body)
              .isEqualTo(field);
        });
    api.assertStillServes();
  }

  @Test
  void explicitNullIsAcceptedWhereDocumented() {
    api.createTenant("acme");

    RunningApi.Response response =
        api.post(
            "/api/nodes",
            """
            {"kind":"post","parentId":null,
             "translations":[{"title":"T","slug":null,"excerpt":null}]}""",
            "X-Tenant-ID",
            "acme");

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(response.json().get("translations").get(0).get("slug").asText()).isEqualTo("t");
  }

  @Test
  void nulCharacterIsRejectedInEveryTextField() {
    api.createTenant("acme");
    Map<String, String> nodeCases =
        Map.of(
            "{\"kind\":\"post\",\"translations\":[{\"title\":\"a\\u0000b\"}]}",
            "translations[0].title",
            "{\"kind\":\"post\",\"translations\":[{\"title\":\"T\",\"excerpt\":\"\\u0000\"}]}",
            "translations[0].excerpt",
            "{\"kind\":\"post\",\"translations\":[{\"title\":\"T\"}],\"bodies\":[{\"body\":\"\\u0000\"}]}",
            "bodies[0].body",
            "{\"kind\":\"post\",\"translations\":[{\"title\":\"T\"}],\"metadata\":{\"a\":[\"\\u0000\"]}}",
            "metadata.a[0]",
            "{\"kind\":\"post\",\"translations\":[{\"title\":\"T\"}],\"metadata\":{\"a\\u0000\":1}}",
            "metadata.a\uFFFD");

    nodeCases.forEach(
        (body, field) -> {
          RunningApi.Response response = api.post("/api/nodes", body, "X-Tenant-ID", "acme");

          JsonNode problem = assertProblem(response, "invalid-field", 400);
          assertThat(problem.get("field").asText()).as(body).isEqualTo(field);
          assertThat(problem.get("detail").asText()).as(body).contains("U+0000");
        });
    RunningApi.Response tenant =
        api.post("/api/tenants", "{\"slug\":\"nul\",\"name\":\"N\\u0000\"}");
    assertThat(assertProblem(tenant, "invalid-field", 400).get("field").asText()).isEqualTo("name");
    api.assertStillServes();
  }

  @Test
  void loneSurrogateIsRejectedButPairsAreKept() {
    api.createTenant("acme");

    RunningApi.Response lone =
        api.post(
            "/api/nodes",
            "{\"kind\":\"post\",\"translations\":[{\"title\":\"a\\ud800b\"}]}",
            "X-Tenant-ID",
            "acme");
    RunningApi.Response reversed =
        api.post("/api/tenants", "{\"slug\":\"s\",\"name\":\"\\udc00\\ud800\"}");
    RunningApi.Response pair =
        api.post(
            "/api/nodes",
            "{\"kind\":\"post\",\"translations\":[{\"title\":\"Rocket \\ud83d\\ude80\"}]}",
            "X-Tenant-ID",
            "acme");

    JsonNode problem = assertProblem(lone, "invalid-field", 400);
    assertThat(problem.get("field").asText()).isEqualTo("translations[0].title");
    assertThat(problem.get("detail").asText()).contains("surrogate");
    assertThat(assertProblem(reversed, "invalid-field", 400).get("field").asText())
        .isEqualTo("name");
    assertThat(pair.status()).as(pair.body()).isEqualTo(201);
    assertThat(pair.json().get("translations").get(0).get("title").asText())
        .isEqualTo("Rocket \uD83D\uDE80");
  }

  @Test
  void loneSurrogateInKeyIsInvalidField() {
    api.createTenant("acme");

    Map<String, String> cases =
        Map.of(
            "{\"a\\ud800\":1}", "metadata",
            "{\"ok\":1,\"\\udc00\\ud800\":1}", "metadata",
            "{\"list\":[1,{\"\\ud800\\u0041\":1}]}", "metadata.list[1]");

    cases.forEach(
        (metadata, field) -> {
          RunningApi.Response response =
              api.post(
                  "/api/nodes",
                  "{\"kind\":\"post\",\"translations\":[{\"title\":\"T\"}],\"metadata\":"
                      + metadata
                      + "}",
                  "X-Tenant-ID",
                  "acme");

          JsonNode problem = assertProblem(response, "invalid-field", 400);
          assertThat(problem.get("field").asText()).as(metadata).isEqualTo(field);
          assertThat(problem.get("detail").asText()).as(metadata).contains("surrogate");
        });
    RunningApi.Response tenant = api.post("/api/tenants", "{\"\\ud800\":1}");
    assertThat(assertProblem(tenant, "invalid-field", 400).has("field")).isFalse();
    api.assertStillServes();
  }

  @Test
  void badTenantHeaderIsInvalidHeader() {
    RunningApi.Response missing = api.get("/api/nodes");
    RunningApi.Response malformed = api.get("/api/nodes", "X-Tenant-ID", "Not A Slug!");

    assertThat(assertProblem(missing, "invalid-header", 400).get("header").asText())
        .isEqualTo("X-Tenant-ID");
    assertThat(assertProblem(malformed, "invalid-header", 400).get("header").asText())
        .isEqualTo("X-Tenant-ID");
    api.assertStillServes();
  }

  @Test
  void badActorHeaderIsInvalidHeader() {
    api.createTenant("acme");

    RunningApi.Response response =
        api.post(
            "/api/nodes",
            "{\"kind\":\"post\",\"translations\":[{\"title\":\"T\"}]}",
            "X-Tenant-ID",
            "acme",
            "X-Actor-ID",
            "alice");

    assertThat(assertProblem(response, "invalid-header", 400).get("header").asText())
        .isEqualTo("X-Actor-ID");
    api.assertStillServes();
  }

  @Test
  void unknownTenantIsTenantNotFound() {
    RunningApi.Response bySlug = api.get("/api/nodes", "X-Tenant-ID", "nobody");
    RunningApi.Response byId =
        api.get("/api/nodes", "X-Tenant-ID", "0192f0c4-7b1e-7cc3-9a4e-2f1d3c5b6a70");

    assertProblem(bySlug, "tenant-not-found", 404);
    assertProblem(byId, "tenant-not-found", 404);
    api.assertStillServes();
  }

  @Test
  void unknownNodeIsNotFound() {
    api.createTenant("acme");

    RunningApi.Response unknown =
        api.get("/api/nodes/0192f0c4-7b1e-7cc3-9a4e-2f1d3c5b6a70", "X-Tenant-ID", "acme");
    RunningApi.Response malformed = api.get("/api/nodes/not-an-id", "X-Tenant-ID", "acme");

    assertProblem(unknown, "not-found", 404);
    assertProblem(malformed, "not-found", 404);
    api.assertStillServes();
  }

  @Test
  void unknownPathIsRouteNotFound() {
    RunningApi.Response response = api.get("/api/unknown");

    JsonNode problem = assertProblem(response, "route-not-found", 404);
    assertThat(problem.get("instance").asText()).isEqualTo("/api/unknown");
    assertThat(response.header("X-Correlation-ID")).isNotBlank();
    api.assertStillServes();
  }

  @Test
  void wrongMethodIsMethodNotAllowed() {
    String id = api.createTenant("acme").get("id").asText();

    RunningApi.Response response = api.delete("/api/tenants/" + id);

    assertProblem(response, "method-not-allowed", 405);
    assertThat(response.header("Allow")).contains("GET").contains("PATCH");
    api.assertStillServes();
  }

  @Test
  void declaredOversizedBodyIsPayloadTooLarge() {
    byte[] body = oversizedJson();

    RunningApi.Response response =
        api.send(
            api.request("/api/tenants", "Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(body)));

    assertProblem(response, "payload-too-large", 413);
    api.assertStillServes();
  }

  @Test
  void chunkedOversizedBodyIsPayloadTooLarge() {
    byte[] body = oversizedJson();

    RunningApi.Response response =
        api.send(
            api.request("/api/tenants", "Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

    assertProblem(response, "payload-too-large", 413);
    api.assertStillServes();
  }

  @Test
  void bodyJustUnderTheLimitIsRead() {
    try (RunningApi small = RunningApi.start(new HttpApi.Settings(64))) {
      String body = "{\"slug\":\"a\",\"name\":\"" + "n".repeat(30) + "\"}";
      assertThat(body.length()).isLessThanOrEqualTo(64);

      RunningApi.Response accepted = small.post("/api/tenants", body);
      RunningApi.Response rejected =
          small.post("/api/tenants", body.replace("\"a\"", "\"" + "a".repeat(40) + "\""));

      assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
      assertProblem(rejected, "payload-too-large", 413);
    }
  }

  @Test
  void nonJsonBodyIsUnsupportedMediaType() {
    String json = "{\"slug\":\"acme\",\"name\":\"Acme\"}";

    RunningApi.Response text = api.post("/api/tenants", json, "Content-Type", "text/plain");
    RunningApi.Response latin1 =
        api.post("/api/tenants", json, "Content-Type", "application/json; charset=ISO-8859-1");
    RunningApi.Response none =
        api.send(api.request("/api/tenants").POST(BodyPublishers.ofString(json)));

    assertProblem(text, "unsupported-media-type", 415);
    assertProblem(latin1, "unsupported-media-type", 415);
    assertProblem(none, "unsupported-media-type", 415);
    RunningApi.Response utf8 =
        api.post("/api/tenants", json, "Content-Type", "application/json; charset=UTF-8");
    assertThat(utf8.status()).isEqualTo(201);
  }

  @Test
  void missingMediaTypeIsUnsupportedMediaType() {
    api.createTenant("acme");
    String body = "{\"kind\":\"post\",\"translations\":[{\"title\":\"T\"}]}";

    for (String contentType : List.of("", ";", " ; ", ";charset=utf-8")) {
      RunningApi.Response response = api.sendRawForResponse(postNode(contentType, body));

      assertThat(response.status()).as("[%s] %s", contentType, response.body()).isEqualTo(415);
      assertThat(assertProblem(response, "unsupported-media-type", 415).get("header").asText())
          .isEqualTo("Content-Type");
    }
    api.assertStillServes();
  }

  @Test
  void emptyContentTypeParametersAreAllowed() {
    api.createTenant("acme");
    String body = "{\"kind\":\"post\",\"translations\":[{\"title\":\"T\"}]}";

    RunningApi.Response response =
        api.sendRawForResponse(postNode("application/json;; charset=utf-8;", body));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
  }

  @Test
  void unexpectedFailureIsInternalWithoutItsMessage() {
    TenantResolver real = api.tenantResolver;
    api.tenantResolver =
        reference -> {
          if (reference instanceof TenantReference.BySlug bySlug
              && bySlug.slug().value().equals("explode")) {
            throw new IllegalStateException("password=hunter2 at java.sql.Connection");
          }
          return real.find(reference);
        };

    RunningApi.Response response = api.get("/api/nodes", "X-Tenant-ID", "explode");

    JsonNode problem = assertProblem(response, "internal", 500);
    assertThat(response.body()).doesNotContain("hunter2").doesNotContain("IllegalState");
    assertThat(problem.get("detail").asText()).contains("correlation id");
    assertThat(response.header("X-Correlation-ID")).isNotBlank();
    api.assertStillServes();
  }

  @Test
  void unreachableDatabaseIsStorageUnavailable() {
    List<Exception> failures =
        List.of(
            new IllegalStateException(
                "query failed", new SQLTransientConnectionException("pool timed out")),
            new IllegalStateException(
                "query failed", new SQLException("connection refused", "08001")),
            new IllegalStateException(
                "query failed", new SQLException("terminating connection", "57P01")));
    for (Exception failure : failures) {
      api.tenantResolver =
          reference -> {
            throw (RuntimeException) failure;
          };

      RunningApi.Response response = api.get("/api/nodes", "X-Tenant-ID", "acme");

      JsonNode problem = assertProblem(response, "storage-unavailable", 503);
      assertThat(response.header("Retry-After")).isEqualTo("1");
      assertThat(problem.get("detail").asText()).contains("retry");
      assertThat(response.body()).doesNotContain("refused").doesNotContain("pool timed out");
    }
  }

  @Test
  void otherDatabaseErrorIsInternal() {
    api.tenantResolver =
        reference -> {
          throw new IllegalStateException(
              "query failed", new SQLException("relation does not exist", "42P01"));
        };

    RunningApi.Response response = api.get("/api/nodes", "X-Tenant-ID", "acme");

    assertProblem(response, "internal", 500);
  }

  @Test
  void errorIsInternalToo() {
    api.tenantResolver =
        reference -> {
          throw new StackOverflowError("deep in io.rustok.core");
        };

    RunningApi.Response response = api.get("/api/nodes", "X-Tenant-ID", "acme");

    assertProblem(response, "internal", 500);
    assertLeaksNothing(response.body());
    api.assertStillServes();
  }

  /** Returns a raw request that creates a node in tenant {@code acme}. */
  private static String postNode(String contentType, String body) {
    return "POST /api/nodes HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Tenant-ID: acme\r\n"
        + "Content-Type: "
        + contentType
        + "\r\nContent-Length: "
        + body.length()
        + "\r\n\r\n"
        + body;
  }

  /** Returns a valid tenant body of about two megabytes. */
  private static byte[] oversizedJson() {
    char[] name = new char[TWO_MEGABYTES];
    Arrays.fill(name, 'n');
    return ("{\"slug\":\"big\",\"name\":\"" + new String(name) + "\"}").getBytes();
  }
}
