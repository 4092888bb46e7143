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

  private static final java.util.Set<String> STANDARD_METHODS =
      java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

  HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Returns the request method as a tag value, folding methods outside the standard set into {@code
   * OTHER}, because a client may send any token as a method and every tag value is a new time
   * series kept for the life of the process.
   */
  private static String methodTag(Context ctx) {
    String method = ctx.req().getMethod();
    return STANDARD_METHODS.contains(method) ? method : "OTHER";
  }

  void record(Context ctx, float millis) {
    Timer.builder("http.server.requests")
        .description("HTTP requests served, by route template and status")
        .tag("method", methodTag(ctx))
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
