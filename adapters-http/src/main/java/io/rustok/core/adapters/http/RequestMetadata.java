package io.rustok.core.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.rustok.core.application.RequestContext;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.TraceParent;
import io.rustok.core.domain.shared.ValidationException;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Builds the {@link RequestContext} of every request from its headers before any route runs.
 *
 * <ul>
 *   <li>{@value #CORRELATION_HEADER}: the client's correlation id, or a new UUID. It is echoed in
 *       the response and put in the SLF4J MDC as {@value #MDC_KEY} until the request ends. An
 *       invalid one is rejected, with a new id in the response so the failure can still be traced.
 *   <li>{@value #TRACEPARENT_HEADER}: the W3C trace context. An invalid value is ignored, as W3C
 *       Trace Context requires of a receiver, and the request goes on without a trace.
 *   <li>{@value #ACTOR_HEADER}: the UUID of the acting user, optional. An invalid value is
 *       rejected.
 * </ul>
 */
final class RequestMetadata {
  static final String CORRELATION_HEADER = "X-Correlation-ID";
  static final String TRACEPARENT_HEADER = "traceparent";
  static final String ACTOR_HEADER = "X-Actor-ID";
  static final String MDC_KEY = "correlationId";

  private static final Logger log = LoggerFactory.getLogger(RequestMetadata.class);
  private static final String CONTEXT_ATTRIBUTE = RequestMetadata.class.getName() + ".context";

  void register(RoutesConfig routes) {
    routes.before(this::open);
    routes.after(ctx -> MDC.remove(MDC_KEY));
  }

  /** Returns the context that {@link #open} stored for this request. */
  static RequestContext context(Context ctx) {
    RequestContext context = ctx.attribute(CONTEXT_ATTRIBUTE);
    if (context == null) {
      throw new IllegalStateException("no request context; RequestMetadata is not registered");
    }
    return context;
  }

  private void open(Context ctx) {
    CorrelationId correlationId = correlationId(ctx);
    ctx.header(CORRELATION_HEADER, correlationId.value());
    MDC.put(MDC_KEY, correlationId.value());

    Optional<TraceParent> traceParent = traceParent(ctx);
    Optional<ActorId> actor = actor(ctx);
    ctx.attribute(
        CONTEXT_ATTRIBUTE, new RequestContext(correlationId, actor, Optional.empty(), traceParent));
  }

  private static CorrelationId correlationId(Context ctx) {
    String header = ctx.header(CORRELATION_HEADER);
    if (header == null) {
      return newCorrelationId();
    }
    try {
      return new CorrelationId(header);
    } catch (ValidationException e) {
      CorrelationId replacement = newCorrelationId();
      ctx.header(CORRELATION_HEADER, replacement.value());
      MDC.put(MDC_KEY, replacement.value());
      throw HttpProblem.forHeader(
          ProblemType.INVALID_HEADER,
          CORRELATION_HEADER,
          CORRELATION_HEADER + " " + e.reason() + "; this response carries a new one.");
    }
  }

  private static CorrelationId newCorrelationId() {
    return new CorrelationId(UUID.randomUUID().toString());
  }

  private static Optional<TraceParent> traceParent(Context ctx) {
    String header = ctx.header(TRACEPARENT_HEADER);
    if (header == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TraceParent(header));
    } catch (ValidationException e) {
      log.debug("Ignoring an invalid traceparent header");
      return Optional.empty();
    }
  }

  private static Optional<ActorId> actor(Context ctx) {
    String header = ctx.header(ACTOR_HEADER);
    if (header == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ActorId.parse(header, ACTOR_HEADER));
    } catch (ValidationException e) {
      throw HttpProblem.forHeader(
          ProblemType.INVALID_HEADER, ACTOR_HEADER, ACTOR_HEADER + " " + e.reason() + ".");
    }
  }
}
