package io.rustok.core.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulStopTest {

  @Test
  void stopLetsRequestInProgressFinish() throws Exception {
    RunningApi api = RunningApi.start();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    api.tenantResolver =
        reference -> {
          entered.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Optional.empty();
        };
    CompletableFuture<RunningApi.Response> inFlight =
        CompletableFuture.supplyAsync(() -> api.get("/api/nodes", "X-Tenant-ID", "acme"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).as("request reached the resolver").isTrue();

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(api::close);
    release.countDown();

    RunningApi.Response response = inFlight.get(20, TimeUnit.SECONDS);
    stopping.get(20, TimeUnit.SECONDS);
    assertThat(response.status()).isEqualTo(404);
  }
}
