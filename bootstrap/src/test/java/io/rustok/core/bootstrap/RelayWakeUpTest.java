package io.rustok.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.bootstrap.HttpClientSupport.Response;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.testing.RecordingEventTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service wakes its relay after every commit that published events. The relay here polls only
 * once a minute, so an event delivered within seconds of an idle relay's last pass was delivered
 * because the commit woke it.
 */
class RelayWakeUpTest {
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

  private final RecordingEventTransport transport = new RecordingEventTransport();
  private Service service;
  private HttpClientSupport http;

  @BeforeEach
  void start() {
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of(
                "RUSTOK_HTTP_PORT", "0",
                "RUSTOK_HTTP_HOST", "127.0.0.1",
                "RUSTOK_RELAY_POLL_MS", "60000"));
    service = Service.start(config, transport);
    http = new HttpClientSupport(service.port());
  }

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void commitWakesIdleRelay() throws InterruptedException {
    createTenant("first");
    transport.awaitCount(1, DELIVERY_TIMEOUT);
    // Gives the relay time to find nothing more due and start its one-minute wait.
    Thread.sleep(500);

    long start = System.nanoTime();
    createTenant("second");
    List<EventEnvelope> delivered = transport.awaitCount(2, DELIVERY_TIMEOUT);
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(delivered).extracting(EventEnvelope::eventType).containsOnly("tenant.created");
    assertThat(waited).isLessThan(DELIVERY_TIMEOUT);
  }

  private void createTenant(String slug) {
    Response created =
        http.send("POST", "/api/tenants", "{\"slug\":\"" + slug + "\",\"name\":\"" + slug + "\"}");
    assertThat(created.status()).isEqualTo(201);
  }
}
