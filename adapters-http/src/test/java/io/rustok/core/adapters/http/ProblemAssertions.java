package io.rustok.core.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks that a response is a well-formed problem of one type that leaks nothing internal. */
final class ProblemAssertions {
  private ProblemAssertions() {}

  /** Asserts the problem type and status and returns the problem body. */
  static JsonNode assertProblem(RunningApi.Response response, String slug, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("type").asText()).isEqualTo("https://rustok.io/problems/" + slug);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertLeaksNothing(response.body());
    return problem;
  }

  /** Asserts that a body names no Java class, package or stack frame. */
  static void assertLeaksNothing(String body) {
    assertThat(body)
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("javax.")
        .doesNotContain("jakarta.")
        .doesNotContain("io.rustok")
        .doesNotContain("io.javalin")
        .doesNotContain("org.eclipse")
        .doesNotContain("com.fasterxml")
        .doesNotContain("\tat ")
        .doesNotContain(".java:");
  }
}
