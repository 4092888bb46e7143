package io.rustok.core.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.rustok.core.application.RequestContext;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.TraceParent;
import io.rustok.core.domain.shared.ValidationException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Builds the {@link RequestContext} of every request from its headers.
 *
 * <ul>
 *   <li>{@value #CORRELATION_HEADER}: the client's correlation id, or a new UUID. It is echoed in
 *       the response and put in the SLF4J MDC as {@value #MDC_KEY} until the request ends. An
 *       invalid one is rejected, with a new id in the response so the failure can still be traced.
 *   <li>{@value #TRACEPARENT_HEADER}: the W3C trace context. An invalid value is ignored, as W3C
 *       Trace Context requires of a receiver, and the request goes on without a trace.
 *   <li>{@value #ACTOR_HEADER}: the UUID of the acting user, optional. Only the routes that record
 *       an actor read it, through {@link #context}, so an invalid value is rejected there and
 *       ignored by every other route.
 * </ul>
 *
 * <p>The correlation id and the trace context are read before any route runs, because every
 * response carries the correlation id.
 */
final class RequestMetadata {
  static final String CORRELATION_HEADER = "X-Correlation-ID";
  static final String TRACEPARENT_HEADER = "traceparent";
  static final String ACTOR_HEADER = "X-Actor-ID";
  static final String MDC_KEY = "correlationId";
  static final String REPEATED_HEADER_REASON = "must appear once";

  private static final Logger log = LoggerFactory.getLogger(RequestMetadata.class);
  private static final String CONTEXT_ATTRIBUTE = RequestMetadata.class.getName() + ".context";

  void register(RoutesConfig routes) {
    routes.before(this::open);
    routes.after(ctx -> MDC.remove(MDC_KEY));
  }

  /**
   * Returns the context of this request, with the actor named by {@value #ACTOR_HEADER}. Call it
   * only from routes that record an actor, because it validates that header.
   *
   * @throws HttpProblem {@code invalid-header} when {@value #ACTOR_HEADER} is malformed or repeated
   */
  static RequestContext context(Context ctx) {
    RequestContext context = ctx.attribute(CONTEXT_ATTRIBUTE);
    if (context == null) {
      throw new IllegalStateException("no request context; RequestMetadata is not registered");
    }
    return actor(ctx).map(context::withActor).orElse(context);
  }

  /**
   * Returns the value of header {@code name}, or null when the request does not carry it.
   *
   * @throws HttpProblem {@code invalid-header} when the request carries it more than once. The
   *     headers read this way have one value each, and taking the first of two would silently drop
   *     the other, which may name another tenant or actor.
   */
  static String singleHeader(Context ctx, String name) {
    List<String> values = Collections.list(ctx.req().getHeaders(name));
    if (values.size() > 1) {
      throw HttpProblem.forHeader(
          ProblemType.INVALID_HEADER, name, name + " " + REPEATED_HEADER_REASON + ".");
    }
    return values.isEmpty() ? null : values.getFirst();
  }

  private void open(Context ctx) {
    CorrelationId correlationId = correlationId(ctx);
    ctx.header(CORRELATION_HEADER, correlationId.value());
    MDC.put(MDC_KEY, correlationId.value());

    Optional<TraceParent> traceParent = traceParent(ctx);
    ctx.attribute(
        CONTEXT_ATTRIBUTE,
        new RequestContext(correlationId, Optional.empty(), Optional.empty(), traceParent));
  }

  private static CorrelationId correlationId(Context ctx) {
    List<String> values = Collections.list(ctx.req().getHeaders(CORRELATION_HEADER));
    if (values.isEmpty()) {
      return newCorrelationId();
    }
    if (values.size() > 1) {
      throw rejectCorrelationId(ctx, REPEATED_HEADER_REASON);
    }
    try {
      return new CorrelationId(values.getFirst());
    } catch (ValidationException e) {
      throw rejectCorrelationId(ctx, e.reason());
    }
  }

  /** Puts a new correlation id in the response and the MDC, so the rejection can be traced. */
  private static HttpProblem rejectCorrelationId(Context ctx, String reason) {
    CorrelationId replacement = newCorrelationId();
    ctx.header(CORRELATION_HEADER, replacement.value());
    MDC.put(MDC_KEY, replacement.value());
    return HttpProblem.forHeader(
        ProblemType.INVALID_HEADER,
        CORRELATION_HEADER,
        CORRELATION_HEADER + " " + reason + "; this response carries a new one.");
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
    String header = singleHeader(ctx, ACTOR_HEADER);
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
