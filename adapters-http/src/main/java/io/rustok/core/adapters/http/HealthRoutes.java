package io.rustok.core.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health}: liveness returns 200 whenever the server can respond at all. Readiness returns
 * 200 only while the supplied check passes, and 503 otherwise, so a load balancer stops sending
 * traffic to an instance whose database is gone.
 */
final class HealthRoutes {
  private static final Logger log = LoggerFactory.getLogger(HealthRoutes.class);

  private final BooleanSupplier readiness;
  private final JsonCodec json;

  HealthRoutes(BooleanSupplier readiness, JsonCodec json) {
    this.readiness = readiness;
    this.json = json;
  }

  void register(RoutesConfig routes) {
    routes.get("/health/live", ctx -> json.write(ctx, 200, Map.of("status", "up")));
    routes.get("/health/ready", this::ready);
  }

  private void ready(Context ctx) {
    if (isReady()) {
      json.write(ctx, 200, Map.of("status", "ready"));
    } else {
      json.write(ctx, 503, Map.of("status", "not-ready"));
    }
  }

  private boolean isReady() {
    try {
      return readiness.getAsBoolean();
    } catch (RuntimeException e) {
      log.warn("Readiness check failed; reporting not ready", e);
      return false;
    }
  }
}
