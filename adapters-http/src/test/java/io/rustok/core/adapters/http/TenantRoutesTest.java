package io.rustok.core.adapters.http;

import static io.rustok.core.adapters.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantRoutesTest {
  private final RunningApi api = RunningApi.start();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void createReturnsTenantWithLocationAndETag() {
    RunningApi.Response response =
        api.post(
            "/api/tenants",
            """
            {"slug":"acme","name":"Acme","hosts":["Acme.Example.com."],"locales":["en","pt-br"]}""");

    assertThat(response.status()).isEqualTo(201);
    JsonNode tenant = response.json();
    String id = tenant.get("id").asText();
    assertThat(response.header("Location")).isEqualTo("/api/tenants/" + id);
    assertThat(response.header("ETag")).isEqualTo("\"1\"");
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(tenant.get("slug").asText()).isEqualTo("acme");
    assertThat(tenant.get("name").asText()).isEqualTo("Acme");
    assertThat(texts(tenant.get("hosts"))).containsExactly("acme.example.com");
    assertThat(texts(tenant.get("locales"))).containsExactly("en", "pt-BR");
    assertThat(tenant.get("version").asLong()).isEqualTo(1);
    assertThat(tenant.get("createdAt").asText()).endsWith("Z");
    assertThat(tenant.get("updatedAt").asText()).isEqualTo(tenant.get("createdAt").asText());
  }

  @Test
  void createWithoutHostsAndLocalesGivesEmptyLists() {
    RunningApi.Response response =
        api.post("/api/tenants", "{\"slug\":\"bare\",\"name\":\"Bare\"}");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().get("hosts").size()).isZero();
    assertThat(response.json().get("locales").size()).isZero();
  }

  @Test
  void getReturnsStoredTenant() {
    JsonNode created = api.createTenant("acme");

    RunningApi.Response response = api.get("/api/tenants/" + created.get("id").asText());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("ETag")).isEqualTo("\"1\"");
    assertThat(response.json()).isEqualTo(created);
  }

  @Test
  void getUnknownTenantIsNotFound() {
    RunningApi.Response response = api.get("/api/tenants/0192f0c4-7b1e-7cc3-9a4e-2f1d3c5b6a70");

    assertProblem(response, "not-found", 404);
  }

  @Test
  void getWithMalformedIdIsNotFound() {
    RunningApi.Response response = api.get("/api/tenants/acme");

    assertProblem(response, "not-found", 404);
  }

  @Test
  void patchChangesGivenFieldsAndAdvancesVersion() {
    String id = api.createTenant("acme").get("id").asText();

    RunningApi.Response response =
        api.patch(
            "/api/tenants/" + id,
            "{\"name\":\"Acme Corp\",\"locales\":[\"en\",\"de\"]}",
            "If-Match",
            "\"1\"");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("ETag")).isEqualTo("\"2\"");
    JsonNode tenant = response.json();
    assertThat(tenant.get("name").asText()).isEqualTo("Acme Corp");
    assertThat(tenant.get("slug").asText()).isEqualTo("acme");
    assertThat(texts(tenant.get("locales"))).containsExactly("en", "de");
    assertThat(tenant.get("version").asLong()).isEqualTo(2);
  }

  @Test
  void patchWithoutIfMatchApplies() {
    String id = api.createTenant("acme").get("id").asText();

    RunningApi.Response response = api.patch("/api/tenants/" + id, "{\"slug\":\"acme-corp\"}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("slug").asText()).isEqualTo("acme-corp");
  }

  @Test
  void patchWithStaleIfMatchIsVersionConflict() {
    String id = api.createTenant("acme").get("id").asText();
    api.patch("/api/tenants/" + id, "{\"name\":\"Second\"}", "If-Match", "1");

    RunningApi.Response response =
        api.patch("/api/tenants/" + id, "{\"name\":\"Third\"}", "If-Match", "\"1\"");

    JsonNode problem = assertProblem(response, "version-conflict", 412);
    assertThat(problem.get("detail").asText()).contains("version 2");
    assertThat(api.get("/api/tenants/" + id).json().get("name").asText()).isEqualTo("Second");
  }

  @Test
  void createWithTakenSlugIsConflictNamingSlug() {
    api.createTenant("acme");

    RunningApi.Response response =
        api.post("/api/tenants", "{\"slug\":\"acme\",\"name\":\"Other\"}");

    JsonNode problem = assertProblem(response, "conflict", 409);
    assertThat(problem.get("field").asText()).isEqualTo("slug");
    api.assertStillServes();
  }

  @Test
  void invalidHostIsNamedByIndex() {
    RunningApi.Response response =
        api.post(
            "/api/tenants",
            "{\"slug\":\"acme\",\"name\":\"Acme\",\"hosts\":[\"ok.example.com\",\"10.0.0.1\"]}");

    JsonNode problem = assertProblem(response, "invalid-field", 400);
    assertThat(problem.get("field").asText()).isEqualTo("hosts[1]");
  }

  @Test
  void missingSlugIsInvalidField() {
    RunningApi.Response response = api.post("/api/tenants", "{\"name\":\"Acme\"}");

    JsonNode problem = assertProblem(response, "invalid-field", 400);
    assertThat(problem.get("field").asText()).isEqualTo("slug");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
