package io.rustok.core.adapters.http;

import static io.rustok.core.adapters.http.ProblemAssertions.assertLeaksNothing;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests so malformed that Jetty rejects them before Javalin sees them. */
class MalformedRequestsTest {
  private final RunningApi api = RunningApi.start();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void badPercentEncodingIsPlainProblem() throws IOException {
    String response = sendRaw("GET /api/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertPlainProblem(response, 400);
    api.assertStillServes();
  }

  @Test
  void garbageRequestLineIsPlainProblem() throws IOException {
    String response = sendRaw("GARBAGE\r\n\r\n");

    assertPlainProblem(response, 400);
    api.assertStillServes();
  }

  @Test
  void oversizedHeadersArePlainProblem() throws IOException {
    String response =
        sendRaw(
            "GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Padding: "
                + "p".repeat(20_000)
                + "\r\n\r\n");

    assertPlainProblem(response, 431);
    api.assertStillServes();
  }

  private String sendRaw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", api.uri("/").getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
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
