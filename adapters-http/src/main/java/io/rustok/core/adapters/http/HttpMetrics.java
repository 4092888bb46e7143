package io.rustok.core.adapters.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.time.Duration;

/**
 * Times every request that Javalin serves as {@code http_server_requests_seconds}, tagged with the
 * method, the route template such as {@code /api/nodes/{id}} (never the path itself, so ids do not
 * become tags), the status and its class. A request that matched no route has the uri {@value
 * #UNMATCHED}.
 */
final class HttpMetrics {
  static final String UNMATCHED = "UNMATCHED";

  private final MeterRegistry registry;

  HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(Context ctx, float millis) {
    Timer.builder("http.server.requests")
        .description("HTTP requests served, by route template and status")
        .tag("method", ctx.method().name())
        .tag("uri", routeOf(ctx))
        .tag("status", Integer.toString(ctx.statusCode()))
        .tag("outcome", Outcome.forStatus(ctx.statusCode()).name())
        .register(registry)
        .record(Duration.ofNanos((long) (millis * 1_000_000.0)));
  }

  private static String routeOf(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    return endpoint == null ? UNMATCHED : endpoint.path;
  }
}
