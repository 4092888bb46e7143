package io.rustok.core.adapters.http;

import static io.rustok.core.adapters.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NodeRoutesTest {
  private static final String ACTOR = "0192f0c4-7b1e-7cc3-9a4e-2f1d3c5b6a70";

  private final RunningApi api = RunningApi.start();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void createWithKindAndTitleDerivesTheRest() {
    String tenantId = api.createTenant("acme").get("id").asText();

    RunningApi.Response response =
        api.post(
            "/api/nodes",
            "{\"kind\":\"post\",\"translations\":[{\"title\":\"Hello, World!\"}]}",
            "X-Tenant-ID",
            "acme",
            "X-Actor-ID",
            ACTOR);

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode node = response.json();
    String id = node.get("id").asText();
    assertThat(response.header("Location")).isEqualTo("/api/nodes/" + id);
    assertThat(response.header("ETag")).isEqualTo("\"1\"");
    assertThat(node.get("tenantId").asText()).isEqualTo(tenantId);
    assertThat(node.get("kind").asText()).isEqualTo("post");
    assertThat(node.get("status").asText()).isEqualTo("draft");
    assertThat(node.get("authorId").asText()).isEqualTo(ACTOR);
    assertThat(node.get("parentId").isNull()).isTrue();
    assertThat(node.get("position").asInt()).isZero();
    assertThat(node.get("metadata").size()).isZero();
    JsonNode translation = node.get("translations").get(0);
    assertThat(translation.get("locale").asText()).isEqualTo("en");
    assertThat(translation.get("title").asText()).isEqualTo("Hello, World!");
    assertThat(translation.get("slug").asText()).isEqualTo("hello-world");
    assertThat(translation.get("excerpt").isNull()).isTrue();
    assertThat(node.get("bodies").size()).isZero();
    assertThat(node.get("version").asLong()).isEqualTo(1);
    assertThat(node.get("createdAt").asText()).endsWith("Z");
    assertThat(node.get("publishedAt").isNull()).isTrue();
  }

  @Test
  void createWithEveryFieldStoresThemAll() {
    String tenantId = api.createTenant("acme").get("id").asText();
    String parentId = api.createNode(tenantId, "Parent").get("id").asText();

    RunningApi.Response response =
        api.post(
            "/api/nodes",
            """
            {"kind":"page","status":"published","parentId":"%s","position":3,
             "translations":[{"locale":"en","title":"Hello","slug":"hi","excerpt":"Short"},
                             {"locale":"pt-br","title":"Olá"}],
             "bodies":[{"locale":"en","body":"Body text"}],
             "metadata":{"tags":["a","b"],"score":1.50,"count":7,"draft":null}}"""
                .formatted(parentId),
            "X-Tenant-ID",
            tenantId);

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode node = response.json();
    assertThat(node.get("kind").asText()).isEqualTo("page");
    assertThat(node.get("status").asText()).isEqualTo("published");
    assertThat(node.get("publishedAt").asText()).endsWith("Z");
    assertThat(node.get("parentId").asText()).isEqualTo(parentId);
    assertThat(node.get("position").asInt()).isEqualTo(3);
    assertThat(node.get("authorId").isNull()).isTrue();
    assertThat(node.get("translations").get(0).get("slug").asText()).isEqualTo("hi");
    assertThat(node.get("translations").get(0).get("excerpt").asText()).isEqualTo("Short");
    assertThat(node.get("translations").get(1).get("locale").asText()).isEqualTo("pt-BR");
    assertThat(node.get("translations").get(1).get("slug").asText()).isEqualTo("ola");
    assertThat(node.get("bodies").get(0).get("body").asText()).isEqualTo("Body text");
    JsonNode metadata = node.get("metadata");
    assertThat(metadata.get("tags").get(1).asText()).isEqualTo("b");
    assertThat(metadata.get("score").decimalValue()).isEqualByComparingTo("1.50");
    assertThat(metadata.get("count").asInt()).isEqualTo(7);
    assertThat(metadata.get("draft").isNull()).isTrue();
  }

  @Test
  void getReturnsNodeByTenantSlugOrId() {
    String tenantId = api.createTenant("acme").get("id").asText();
    JsonNode created = api.createNode("acme", "Hello");
    String path = "/api/nodes/" + created.get("id").asText();

    RunningApi.Response bySlug = api.get(path, "X-Tenant-ID", "acme");
    RunningApi.Response byId = api.get(path, "X-Tenant-ID", tenantId);

    assertThat(bySlug.status()).isEqualTo(200);
    assertThat(bySlug.header("ETag")).isEqualTo("\"1\"");
    assertThat(bySlug.json()).isEqualTo(created);
    assertThat(byId.json()).isEqualTo(created);
  }

  @Test
  void nodeOfAnotherTenantIsNotFound() {
    api.createTenant("acme");
    api.createTenant("other");
    JsonNode node = api.createNode("acme", "Private");
    String path = "/api/nodes/" + node.get("id").asText();

    RunningApi.Response read = api.get(path, "X-Tenant-ID", "other");
    RunningApi.Response change =
        api.patch(path, "{\"position\":9}", "X-Tenant-ID", "other", "If-Match", "1");
    RunningApi.Response publish = api.post(path + "/publish", null, "X-Tenant-ID", "other");
    RunningApi.Response delete = api.delete(path, "X-Tenant-ID", "other");

    assertProblem(read, "not-found", 404);
    assertProblem(change, "not-found", 404);
    assertProblem(publish, "not-found", 404);
    assertProblem(delete, "not-found", 404);
    RunningApi.Response own = api.get(path, "X-Tenant-ID", "acme");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json()).isEqualTo(node);
  }

  @Test
  void listPagesNewestFirstWithCursor() {
    api.createTenant("acme");
    String first = api.createNode("acme", "First").get("id").asText();
    String second = api.createNode("acme", "Second").get("id").asText();
    String third = api.createNode("acme", "Third").get("id").asText();

    RunningApi.Response page1 = api.get("/api/nodes?limit=2", "X-Tenant-ID", "acme");
    String cursor = page1.json().get("nextCursor").asText();
    RunningApi.Response page2 =
        api.get("/api/nodes?limit=2&cursor=" + cursor, "X-Tenant-ID", "acme");

    assertThat(page1.status()).isEqualTo(200);
    assertThat(ids(page1.json().get("items"))).containsExactly(third, second);
    assertThat(cursor).isEqualTo(second);
    assertThat(ids(page2.json().get("items"))).containsExactly(first);
    assertThat(page2.json().get("nextCursor").isNull()).isTrue();
  }

  @Test
  void listFiltersByKindAndStatus() {
    api.createTenant("acme");
    api.createNode("acme", "A post");
    String page =
        api.post(
                "/api/nodes",
                "{\"kind\":\"page\",\"status\":\"published\",\"translations\":[{\"title\":\"P\"}]}",
                "X-Tenant-ID",
                "acme")
            .json()
            .get("id")
            .asText();

    RunningApi.Response pages = api.get("/api/nodes?kind=page", "X-Tenant-ID", "acme");
    RunningApi.Response published = api.get("/api/nodes?status=published", "X-Tenant-ID", "acme");
    RunningApi.Response drafts = api.get("/api/nodes?status=draft", "X-Tenant-ID", "acme");

    assertThat(ids(pages.json().get("items"))).containsExactly(page);
    assertThat(ids(published.json().get("items"))).containsExactly(page);
    assertThat(drafts.json().get("items").size()).isEqualTo(1);
  }

  @Test
  void listRejectsInvalidParameters() {
    api.createTenant("acme");

    RunningApi.Response cursor = api.get("/api/nodes?cursor=abc", "X-Tenant-ID", "acme");
    RunningApi.Response limit = api.get("/api/nodes?limit=201", "X-Tenant-ID", "acme");
    RunningApi.Response notANumber = api.get("/api/nodes?limit=ten", "X-Tenant-ID", "acme");
    RunningApi.Response status = api.get("/api/nodes?status=gone", "X-Tenant-ID", "acme");

    assertThat(assertProblem(cursor, "invalid-field", 400).get("field").asText())
        .isEqualTo("cursor");
    assertThat(assertProblem(limit, "invalid-field", 400).get("field").asText()).isEqualTo("limit");
    assertThat(assertProblem(notANumber, "invalid-field", 400).get("field").asText())
        .isEqualTo("limit");
    assertThat(assertProblem(status, "invalid-field", 400).get("field").asText())
        .isEqualTo("status");
  }

  @Test
  void patchMergesTranslationsAndBodiesByLocale() {
    api.createTenant("acme");
    String id =
        api.post(
                "/api/nodes",
                """
                {"kind":"post","translations":[{"locale":"en","title":"Hello"},
                 {"locale":"de","title":"Hallo"}],"bodies":[{"locale":"en","body":"One"}]}""",
                "X-Tenant-ID",
                "acme")
            .json()
            .get("id")
            .asText();

    RunningApi.Response response =
        api.patch(
            "/api/nodes/" + id,
            """
            {"position":4,"metadata":{"k":"v"},
             "translations":[{"locale":"de","title":"Guten Tag"}],
             "bodies":[{"locale":"de","body":"Zwei"}]}""",
            "X-Tenant-ID",
            "acme",
            "If-Match",
            "\"1\"");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.header("ETag")).isEqualTo("\"2\"");
    JsonNode node = response.json();
    assertThat(node.get("version").asLong()).isEqualTo(2);
    assertThat(node.get("position").asInt()).isEqualTo(4);
    assertThat(node.get("metadata").get("k").asText()).isEqualTo("v");
    assertThat(node.get("translations").get(0).get("title").asText()).isEqualTo("Hello");
    assertThat(node.get("translations").get(1).get("title").asText()).isEqualTo("Guten Tag");
    assertThat(node.get("translations").get(1).get("slug").asText())
        .as("a retitled translation keeps its slug")
        .isEqualTo("hallo");
    assertThat(node.get("bodies").size()).isEqualTo(2);
    assertThat(node.get("bodies").get(1).get("body").asText()).isEqualTo("Zwei");
  }

  @Test
  void patchAcceptsUnquotedIfMatch() {
    api.createTenant("acme");
    String id = api.createNode("acme", "Hello").get("id").asText();

    RunningApi.Response response =
        api.patch("/api/nodes/" + id, "{\"position\":1}", "X-Tenant-ID", "acme", "If-Match", "1");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("ETag")).isEqualTo("\"2\"");
  }

  @Test
  void patchWithoutIfMatchIsPreconditionRequired() {
    api.createTenant("acme");
    String id = api.createNode("acme", "Hello").get("id").asText();

    RunningApi.Response response =
        api.patch("/api/nodes/" + id, "{\"position\":1}", "X-Tenant-ID", "acme");

    assertThat(assertProblem(response, "precondition-required", 428).get("header").asText())
        .isEqualTo("If-Match");
    api.assertStillServes();
  }

  @Test
  void patchWithStaleIfMatchIsVersionConflict() {
    api.createTenant("acme");
    String id = api.createNode("acme", "Hello").get("id").asText();
    api.patch("/api/nodes/" + id, "{\"position\":1}", "X-Tenant-ID", "acme", "If-Match", "1");

    RunningApi.Response response =
        api.patch("/api/nodes/" + id, "{\"position\":2}", "X-Tenant-ID", "acme", "If-Match", "1");

    assertProblem(response, "version-conflict", 412);
    assertThat(api.get("/api/nodes/" + id, "X-Tenant-ID", "acme").json().get("position").asInt())
        .isEqualTo(1);
    api.assertStillServes();
  }

  @Test
  void malformedIfMatchIsInvalidHeader() {
    api.createTenant("acme");
    String id = api.createNode("acme", "Hello").get("id").asText();

    for (String value : List.of("W/\"1\"", "\"1\", \"2\"", "one", "\"\"")) {
      RunningApi.Response response =
          api.patch(
              "/api/nodes/" + id, "{\"position\":1}", "X-Tenant-ID", "acme", "If-Match", value);

      assertThat(assertProblem(response, "invalid-header", 400).get("header").asText())
          .as(value)
          .isEqualTo("If-Match");
    }
  }

  @Test
  void publishThenUnpublishTogglesStatus() {
    api.createTenant("acme");
    String id = api.createNode("acme", "Hello").get("id").asText();

    RunningApi.Response published =
        api.post("/api/nodes/" + id + "/publish", null, "X-Tenant-ID", "acme", "If-Match", "1");
    RunningApi.Response unpublished =
        api.post("/api/nodes/" + id + "/unpublish", null, "X-Tenant-ID", "acme");

    assertThat(published.status()).isEqualTo(200);
    assertThat(published.header("ETag")).isEqualTo("\"2\"");
    assertThat(published.json().get("status").asText()).isEqualTo("published");
    assertThat(published.json().get("publishedAt").asText()).endsWith("Z");
    assertThat(unpublished.status()).isEqualTo(200);
    assertThat(unpublished.header("ETag")).isEqualTo("\"3\"");
    assertThat(unpublished.json().get("status").asText()).isEqualTo("draft");
    assertThat(unpublished.json().get("publishedAt").isNull()).isTrue();
  }

  @Test
  void publishWithStaleIfMatchIsVersionConflict() {
    api.createTenant("acme");
    String id = api.createNode("acme", "Hello").get("id").asText();

    RunningApi.Response response =
        api.post("/api/nodes/" + id + "/publish", null, "X-Tenant-ID", "acme", "If-Match", "7");

    assertProblem(response, "version-conflict", 412);
  }

  @Test
  void deleteRemovesNode() {
    api.createTenant("acme");
    String id = api.createNode("acme", "Hello").get("id").asText();

    RunningApi.Response deleted =
        api.delete("/api/nodes/" + id, "X-Tenant-ID", "acme", "If-Match", "\"1\"");

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertProblem(api.get("/api/nodes/" + id, "X-Tenant-ID", "acme"), "not-found", 404);
  }

  @Test
  void takenSlugIsConflictNamingSlug() {
    api.createTenant("acme");
    api.createNode("acme", "Hello");

    RunningApi.Response response =
        api.post(
            "/api/nodes",
            "{\"kind\":\"post\",\"translations\":[{\"title\":\"Hello\"}]}",
            "X-Tenant-ID",
            "acme");

    JsonNode problem = assertProblem(response, "conflict", 409);
    assertThat(problem.get("field").asText()).isEqualTo("slug");
    assertThat(problem.get("detail").asText())
        .isEqualTo(
            "A value given in slug is already used by another record; choose another value.");
  }

  @Test
  void tenantWithoutLocalesRequiresLocale() {
    api.post("/api/tenants", "{\"slug\":\"bare\",\"name\":\"Bare\"}");

    RunningApi.Response response =
        api.post(
            "/api/nodes",
            "{\"kind\":\"post\",\"translations\":[{\"title\":\"Hello\"}]}",
            "X-Tenant-ID",
            "bare");

    assertThat(assertProblem(response, "invalid-field", 400).get("field").asText())
        .isEqualTo("translations[0].locale");
  }

  @Test
  void unknownParentIsInvalidField() {
    api.createTenant("acme");

    RunningApi.Response response =
        api.post(
            "/api/nodes",
            """
            {"kind":"post","parentId":"0192f0c4-7b1e-7cc3-9a4e-2f1d3c5b6a70",
             "translations":[{"title":"Hello"}]}""",
            "X-Tenant-ID",
            "acme");

    assertThat(assertProblem(response, "invalid-field", 400).get("field").asText())
        .isEqualTo("parentId");
  }

  private static List<String> ids(JsonNode items) {
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }
}
