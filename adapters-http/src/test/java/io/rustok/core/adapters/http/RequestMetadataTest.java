package io.rustok.core.adapters.http;

import static io.rustok.core.adapters.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.Uuids;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestMetadataTest {
  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private final RunningApi api = RunningApi.start();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void missingCorrelationIdIsGeneratedAndEchoed() {
    RunningApi.Response response = api.get("/health/live");

    assertThat(Uuids.isCanonical(response.header("X-Correlation-ID"))).isTrue();
  }

  @Test
  void clientCorrelationIdReachesResponseAndEvents() {
    RunningApi.Response response =
        api.post(
            "/api/tenants",
            "{\"slug\":\"acme\",\"name\":\"Acme\"}",
            "X-Correlation-ID",
            "order-42",
            "traceparent",
            TRACEPARENT);

    assertThat(response.header("X-Correlation-ID")).isEqualTo("order-42");
    EventEnvelope event = api.claimPendingEnvelopes().getFirst();
    assertThat(event.correlationId()).isEqualTo(new CorrelationId("order-42"));
    assertThat(event.traceParent().map(Object::toString)).contains(TRACEPARENT);
  }

  @Test
  void actorHeaderBecomesTheEventActor() {
    String actor = "0192f0c4-7b1e-7cc3-9a4e-2f1d3c5b6a70";

    api.post("/api/tenants", "{\"slug\":\"acme\",\"name\":\"Acme\"}", "X-Actor-ID", actor);

    assertThat(api.claimPendingEnvelopes().getFirst().actorId().map(Object::toString))
        .contains(actor);
  }

  @Test
  void invalidCorrelationIdIsRejectedWithFreshOne() {
    RunningApi.Response response = api.get("/health/live", "X-Correlation-ID", "x".repeat(129));

    assertThat(assertProblem(response, "invalid-header", 400).get("header").asText())
        .isEqualTo("X-Correlation-ID");
    assertThat(Uuids.isCanonical(response.header("X-Correlation-ID"))).isTrue();
    api.assertStillServes();
  }

  @Test
  void repeatedSingletonHeaderIsInvalidHeader() {
    api.createTenant("acme");
    String node = "/api/nodes/" + api.createNode("acme", "Hello").get("id").asText();
    String actor = "0192f0c4-7b1e-7cc3-9a4e-2f1d3c5b6a70";
    String tenantBody = "{\"slug\":\"two\",\"name\":\"Two\"}";
    List<Map.Entry<String, RunningApi.Response>> responses =
        List.of(
            Map.entry(
                "X-Tenant-ID",
                api.get("/api/nodes", "X-Tenant-ID", "acme", "X-Tenant-ID", "other")),
            Map.entry("X-Tenant-ID", api.get(node, "X-Tenant-ID", "acme", "X-Tenant-ID", "acme")),
            Map.entry(
                "X-Actor-ID",
                api.post("/api/tenants", tenantBody, "X-Actor-ID", actor, "X-Actor-ID", actor)),
            Map.entry(
                "X-Correlation-ID",
                api.get("/health/live", "X-Correlation-ID", "a", "X-Correlation-ID", "b")),
            Map.entry(
                "If-Match",
                api.delete(node, "X-Tenant-ID", "acme", "If-Match", "1", "If-Match", "1")));

    for (Map.Entry<String, RunningApi.Response> entry : responses) {
      JsonNode problem = assertProblem(entry.getValue(), "invalid-header", 400);
      assertThat(problem.get("header").asText()).isEqualTo(entry.getKey());
      assertThat(problem.get("detail").asText()).as(entry.getKey()).contains("must appear once");
    }
    RunningApi.Response correlation = responses.get(3).getValue();
    assertThat(Uuids.isCanonical(correlation.header("X-Correlation-ID"))).isTrue();
    assertThat(api.get(node, "X-Tenant-ID", "acme").status()).isEqualTo(200);
  }

  @Test
  void actorHeaderIgnoredOutsideChanges() {
    api.createTenant("acme");

    RunningApi.Response live = api.get("/health/live", "X-Actor-ID", "x");
    RunningApi.Response unknown = api.get("/api/unknown", "X-Actor-ID", "x");
    RunningApi.Response list =
        api.get("/api/nodes", "X-Tenant-ID", "acme", "X-Actor-ID", "x", "X-Actor-ID", "y");

    assertThat(live.status()).as(live.body()).isEqualTo(200);
    assertProblem(unknown, "route-not-found", 404);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
  }

  @Test
  void tenantHeaderIsIgnoredOutsideNodeRoutes() {
    RunningApi.Response live = api.get("/health/live", "X-Tenant-ID", "a", "X-Tenant-ID", "b");

    assertThat(live.status()).as(live.body()).isEqualTo(200);
  }

  @Test
  void invalidTraceparentIsIgnored() {
    RunningApi.Response response =
        api.post(
            "/api/tenants",
            "{\"slug\":\"acme\",\"name\":\"Acme\"}",
            "traceparent",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01");

    assertThat(response.status()).isEqualTo(201);
    assertThat(api.claimPendingEnvelopes().getFirst().traceParent()).isEqualTo(Optional.empty());
  }

  @Test
  void correlationIdIsInMdcDuringRequest() {
    AtomicReference<String> seen = new AtomicReference<>();
    api.readiness =
        () -> {
          seen.set(MDC.get("correlationId"));
          return true;
        };

    api.get("/health/ready", "X-Correlation-ID", "probe-7");

    assertThat(seen.get()).isEqualTo("probe-7");
  }
}
