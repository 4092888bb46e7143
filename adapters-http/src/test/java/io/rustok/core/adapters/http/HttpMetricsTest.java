package io.rustok.core.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class HttpMetricsTest {

  @Test
  void unknownMethodsShareOneTagValue() {
    try (RunningApi api = RunningApi.start()) {
      for (String method : new String[] {"BREW", "SPLAT", "X-ANYTHING"}) {
        api.send(api.request("/api/nodes").method(method, HttpRequest.BodyPublishers.noBody()));
      }
      api.get("/health/live");

      String metrics = api.registry.scrape();

      assertThat(metrics).contains("method=\"OTHER\"").contains("method=\"GET\"");
      assertThat(metrics)
          .doesNotContain("BREW")
          .doesNotContain("SPLAT")
          .doesNotContain("X-ANYTHING");
    }
  }
}
