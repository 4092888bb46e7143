package io.rustok.core.adapters.http;

import static io.rustok.core.adapters.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.Uuids;
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
