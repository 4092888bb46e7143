package io.rustok.core.adapters.http;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics}: every meter of the registry in the Prometheus text exposition format 0.0.4,
 * for a Prometheus server to scrape. Tags are bounded by design, so no tenant id or host name
 * appears in them.
 */
final class MetricsRoutes {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  MetricsRoutes(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  void register(RoutesConfig routes) {
    routes.get("/metrics", ctx -> ctx.contentType(CONTENT_TYPE).result(registry.scrape()));
  }
}
