package io.rustok.core.adapters.http;

import static io.rustok.core.adapters.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rustok.core.domain.outbox.ClaimedEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxRoutesTest {
  private final RunningApi api = RunningApi.start();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void listShowsPendingEventsByDefault() {
    String tenantId = api.createTenant("acme").get("id").asText();
    String nodeId = api.createNode("acme", "Hello").get("id").asText();

    RunningApi.Response response = api.get("/api/outbox/events");

    assertThat(response.status()).isEqualTo(200);
    JsonNode items = response.json().get("items");
    assertThat(items.size()).isEqualTo(2);
    JsonNode newest = items.get(0);
    assertThat(newest.get("id").asText()).isNotBlank();
    assertThat(newest.get("eventType").asText()).isEqualTo("node.created");
    assertThat(newest.get("schemaVersion").asInt()).isPositive();
    assertThat(newest.get("tenantId").asText()).isEqualTo(tenantId);
    assertThat(newest.get("aggregateId").asText()).isEqualTo(nodeId);
    assertThat(newest.get("status").asText()).isEqualTo("pending");
    assertThat(newest.get("attempts").asInt()).isZero();
    assertThat(newest.get("lastError").isNull()).isTrue();
    assertThat(newest.get("createdAt").asText()).endsWith("Z");
    assertThat(newest.get("dispatchedAt").isNull()).isTrue();
    assertThat(items.get(1).get("eventType").asText()).isEqualTo("tenant.created");
  }

  @Test
  void listHonoursStatusAndLimit() {
    api.createTenant("acme");
    api.createTenant("other");
    api.createTenant("third");

    RunningApi.Response limited = api.get("/api/outbox/events?status=pending&limit=2");
    RunningApi.Response failed = api.get("/api/outbox/events?status=failed");

    assertThat(limited.json().get("items").size()).isEqualTo(2);
    assertThat(failed.json().get("items").size()).isZero();
  }

  @Test
  void listPagesWithCursor() {
    api.createTenant("acme");
    api.createTenant("other");
    api.createTenant("third");

    JsonNode first = api.get("/api/outbox/events?limit=2").json();
    JsonNode second =
        api.get("/api/outbox/events?limit=2&cursor=" + first.get("nextCursor").asText()).json();

    assertThat(first.get("items").size()).isEqualTo(2);
    assertThat(first.get("nextCursor").asText())
        .isEqualTo(first.get("items").get(1).get("id").asText());
    assertThat(second.get("items").size()).isEqualTo(1);
    assertThat(second.get("items").get(0).get("id").asText())
        .isNotIn(
            first.get("items").get(0).get("id").asText(),
            first.get("items").get(1).get("id").asText());
    assertThat(second.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void listRejectsMalformedCursor() {
    RunningApi.Response response = api.get("/api/outbox/events?cursor=not-an-id");

    assertThat(assertProblem(response, "invalid-field", 400).get("field").asText())
        .isEqualTo("cursor");
  }

  @Test
  void listRejectsInvalidStatusAndLimit() {
    RunningApi.Response status = api.get("/api/outbox/events?status=lost");
    RunningApi.Response zero = api.get("/api/outbox/events?limit=0");
    RunningApi.Response tooMany = api.get("/api/outbox/events?limit=1001");

    assertThat(assertProblem(status, "invalid-field", 400).get("field").asText())
        .isEqualTo("status");
    assertThat(assertProblem(zero, "invalid-field", 400).get("field").asText()).isEqualTo("limit");
    assertThat(assertProblem(tooMany, "invalid-field", 400).get("field").asText())
        .isEqualTo("limit");
  }

  @Test
  void statsCountEventsByStatus() {
    api.createTenant("acme");
    api.createTenant("other");
    failOneEvent("transport down");
    api.clock.advance(Duration.ofMillis(90_500));

    RunningApi.Response response = api.get("/api/outbox/stats");

    assertThat(response.status()).isEqualTo(200);
    JsonNode stats = response.json();
    assertThat(stats.get("pending").asLong()).isEqualTo(1);
    assertThat(stats.get("dispatched").asLong()).isZero();
    assertThat(stats.get("failed").asLong()).isEqualTo(1);
    assertThat(stats.get("oldestPendingAgeSeconds").isNumber()).isTrue();
    assertThat(stats.get("oldestPendingAgeSeconds").asDouble()).isEqualTo(90.5);
  }

  @Test
  void statsWithNothingPendingHaveNullAge() {
    RunningApi.Response response = api.get("/api/outbox/stats");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("pending").asLong()).isZero();
    assertThat(response.json().get("oldestPendingAgeSeconds").isNull()).isTrue();
  }

  @Test
  void replayReturnsFailedEventToPending() {
    api.createTenant("acme");
    String eventId = failOneEvent("transport down");
    JsonNode failed = api.get("/api/outbox/events?status=failed").json().get("items").get(0);

    RunningApi.Response response = api.post("/api/outbox/events/" + eventId + "/replay", null);

    assertThat(failed.get("id").asText()).isEqualTo(eventId);
    assertThat(failed.get("lastError").asText()).isEqualTo("transport down");
    assertThat(failed.get("attempts").asInt()).isEqualTo(1);
    assertThat(response.status()).isEqualTo(202);
    assertThat(response.json().get("id").asText()).isEqualTo(eventId);
    assertThat(response.json().get("status").asText()).isEqualTo("pending");
    assertThat(response.json().get("attempts").asInt()).isZero();
    assertThat(api.get("/api/outbox/events?status=failed").json().get("items").size()).isZero();
  }

  @Test
  void replayWithoutFailedEventIsNotFound() {
    api.createTenant("acme");
    String pendingId = api.get("/api/outbox/events").json().get("items").get(0).get("id").asText();

    RunningApi.Response pending = api.post("/api/outbox/events/" + pendingId + "/replay", null);
    RunningApi.Response unknown =
        api.post("/api/outbox/events/0192f0c4-7b1e-7cc3-9a4e-2f1d3c5b6a70/replay", null);
    RunningApi.Response malformed = api.post("/api/outbox/events/nope/replay", null);

    assertProblem(pending, "not-found", 404);
    assertProblem(unknown, "not-found", 404);
    assertProblem(malformed, "not-found", 404);
    api.assertStillServes();
  }

  @Test
  void eventIsReturnedAsCloudEvent() {
    String tenantId = api.createTenant("acme").get("id").asText();
    JsonNode node = api.createNode("acme", "Hello");
    JsonNode listed = api.get("/api/outbox/events").json().get("items").get(0);
    String eventId = listed.get("id").asText();

    RunningApi.Response response = api.get("/api/outbox/events/" + eventId);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("application/cloudevents+json");
    JsonNode event = response.json();
    assertThat(event.get("specversion").asText()).isEqualTo("1.0");
    assertThat(event.get("id").asText()).isEqualTo(eventId);
    assertThat(event.get("source").asText()).isEqualTo("urn:rustok:core");
    assertThat(event.get("type").asText()).isEqualTo("node.created");
    assertThat(event.get("time").asText()).endsWith("Z");
    assertThat(event.get("subject").asText()).isEqualTo(node.get("id").asText());
    assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
    assertThat(event.get("dataschema").asText())
        .isEqualTo("urn:rustok:event-schema:node.created:2");
    assertThat(event.get("tenantid").asText()).isEqualTo(tenantId);
    assertThat(event.get("schemaversion").asInt()).isEqualTo(2);
    assertThat(event.get("correlationid").asText()).isNotBlank();
    assertThat(event.at("/data/primaryLocale").asText()).isEqualTo("en");
    assertThat(event.at("/data/slug").asText()).isEqualTo("hello");
  }

  @Test
  void eventOfAnyStatusIsReturned() {
    api.createTenant("acme");
    String failedId = failOneEvent("transport down");

    RunningApi.Response response = api.get("/api/outbox/events/" + failedId);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("type").asText()).isEqualTo("tenant.created");
  }

  @Test
  void unknownOrMalformedEventIsNotFound() {
    RunningApi.Response unknown =
        api.get("/api/outbox/events/0192f0c4-7b1e-7cc3-9a4e-2f1d3c5b6a70");
    RunningApi.Response malformed = api.get("/api/outbox/events/nope");

    assertProblem(unknown, "not-found", 404);
    assertProblem(malformed, "not-found", 404);
  }

  /** Claims the oldest pending event, parks it as failed and returns its id. */
  private String failOneEvent(String error) {
    List<ClaimedEvent> claimed = api.outbox.claim(1, Duration.ofMinutes(1));
    assertThat(claimed).hasSize(1);
    assertThat(api.outbox.markFailed(claimed.get(0), error)).isTrue();
    return claimed.get(0).id().toString();
  }
}
