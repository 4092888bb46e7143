package io.rustok.core.adapters.http;

import static io.rustok.core.adapters.http.ProblemAssertions.assertLeaksNothing;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests whose HTTP message is malformed, so that Jetty rejects them before Javalin receives them
 * or fails while their body is read.
 */
class MalformedRequestsTest {
  private final RunningApi api = RunningApi.start();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void badPercentEncodingIsPlainProblem() {
    String response = api.sendRaw("GET /api/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertPlainProblem(response, 400);
    api.assertStillServes();
  }

  @Test
  void garbageRequestLineIsPlainProblem() {
    String response = api.sendRaw("GARBAGE\r\n\r\n");

    assertPlainProblem(response, 400);
    api.assertStillServes();
  }

  @Test
  void oversizedHeadersArePlainProblem() {
    String response =
        api.sendRaw(
            "GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Padding: "
                + "p".repeat(20_000)
                + "\r\n\r\n");

    assertPlainProblem(response, 431);
    api.assertStillServes();
  }

  @Test
  void malformedChunkSizeIsPlainProblem() {
    try (CapturedLogs logs = CapturedLogs.open()) {
      String response =
          api.sendRaw(
              "POST /api/tenants HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                  + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                  + "zz\r\n{}\r\n0\r\n\r\n");

      assertPlainProblem(response, 400);
      assertThat(logs.errorsAndStackTraces()).isEmpty();
    }
    api.assertStillServes();
  }

  @Test
  void bodyShorterThanContentLengthIsPlainProblem() {
    try (CapturedLogs logs = CapturedLogs.open()) {
      String response =
          api.sendRaw(
              "POST /api/tenants HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                  + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                  + "{\"slug\":");

      assertPlainProblem(response, 400);
      assertThat(logs.errorsAndStackTraces()).isEmpty();
    }
    api.assertStillServes();
  }

  private static void assertPlainProblem(String response, int status) {
    assertThat(response).startsWith("HTTP/1.1 " + status + " ");
    assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
    JsonNode problem = RunningApi.Response.parse(response.substring(response.indexOf("\r\n\r\n")));
    assertThat(problem.get("type").asText()).isEqualTo("about:blank");
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertLeaksNothing(response);
  }
}
