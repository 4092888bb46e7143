package io.rustok.core.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {
  private final RunningApi api = RunningApi.start();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void liveAnswersUp() {
    RunningApi.Response response = api.get("/health/live");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.json().get("status").asText()).isEqualTo("up");
  }

  @Test
  void readyFollowsTheCheck() {
    RunningApi.Response ready = api.get("/health/ready");
    api.readiness = () -> false;
    RunningApi.Response notReady = api.get("/health/ready");

    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("ready");
    assertThat(notReady.status()).isEqualTo(503);
    assertThat(notReady.json().get("status").asText()).isEqualTo("not-ready");
  }

  @Test
  void checkThatThrowsIsNotReady() {
    api.readiness =
        () -> {
          throw new IllegalStateException("database unreachable");
        };

    RunningApi.Response response = api.get("/health/ready");

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.body()).doesNotContain("database unreachable");
    assertThat(api.get("/health/live").status()).isEqualTo(200);
  }
}
