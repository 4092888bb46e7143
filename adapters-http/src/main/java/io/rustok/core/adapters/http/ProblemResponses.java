package io.rustok.core.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.rustok.core.application.NotFoundException;
import io.rustok.core.application.VersionConflictException;
import io.rustok.core.domain.outbox.UnreadableStoredEventException;
import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.shared.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Maps every failure of a request to an RFC 9457 {@code application/problem+json} response.
 *
 * <p>This is the only class that writes error bodies. Handlers throw, and nothing else catches. The
 * promise that every error has a stable {@code type} and that no exception message or stack trace
 * of an unexpected failure reaches a client can be checked here, in one file, instead of in every
 * handler. Details come only from {@link HttpProblem}, whose texts the adapter writes for clients,
 * from {@link ValidationException#reason()}, which the domain writes for clients, or from fixed
 * sentences in this class. Any other exception becomes {@code internal} with a generic detail and
 * is logged at ERROR with its correlation id.
 */
final class ProblemResponses {
  static final String PROBLEM_CONTENT_TYPE = "application/problem+json";

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
  private static final String INTERNAL_DETAIL =
      "The request failed unexpectedly. Report the correlation id to the operator.";

  private final JsonCodec json;
  private final long maxBodyBytes;

  ProblemResponses(JsonCodec json, long maxBodyBytes) {
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
  }

  void register(RoutesConfig routes) {
    routes.exception(Exception.class, this::handle);
    // Javalin registers its own handler for this class, which a handler for Exception would not
    // replace, because Javalin picks the handler of the closest class.
    routes.exception(HttpResponseException.class, this::handle);
  }

  /** Writes the problem for {@code failure}, falling back to a fixed body if that fails too. */
  void handle(Exception failure, Context ctx) {
    try {
      Problem problem = toProblem(failure, ctx);
      write(ctx, problem);
    } catch (RuntimeException e) {
      log.error("Writing a problem response failed correlationId={}", correlationId(), e);
      ctx.status(500)
          .contentType(PROBLEM_CONTENT_TYPE)
          .result(json.toBytes(Problem.of(ProblemType.INTERNAL, INTERNAL_DETAIL).body()));
    }
  }

  /**
   * Handles a {@link Error} such as {@link StackOverflowError}, which Javalin passes outside its
   * exception handlers, with no request context.
   */
  void handleError(HttpServletResponse response, Error error) {
    log.error("Request failed with an error correlationId={}", correlationId(), error);
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(500);
    response.setContentType(PROBLEM_CONTENT_TYPE);
    try {
      response
          .getOutputStream()
          .write(json.toBytes(Problem.of(ProblemType.INTERNAL, INTERNAL_DETAIL).body()));
    } catch (IOException e) {
      log.warn("Writing the error response failed correlationId={}", correlationId(), e);
    }
  }

  /**
   * Returns the error handler for Jetty's server. Jetty rejects some requests before they reach
   * Javalin, such as a malformed request line or URI (400) or oversized headers (431). This handler
   * writes those as problems of type {@code about:blank} instead of an HTML page.
   */
  org.eclipse.jetty.server.handler.ErrorHandler serverErrorHandler() {
    return new org.eclipse.jetty.server.handler.ErrorHandler() {
      @Override
      protected boolean generateAcceptableResponse(
          Request request,
          Response response,
          Callback callback,
          String contentType,
          List<Charset> charsets,
          int status,
          String message,
          Throwable cause) {
        writeJettyProblem(response, status, callback);
        return true;
      }

      @Override
      public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, PROBLEM_CONTENT_TYPE);
        return ByteBuffer.wrap(json.toBytes(Problem.plain(status).body()));
      }
    };
  }

  /**
   * Returns the error handler for the servlet context that Javalin runs in, for errors that the
   * servlet layer sends itself. Like {@link #serverErrorHandler()}, it writes {@code about:blank}
   * problems.
   *
   * <p>NOTE: no test reaches this handler. The malformed requests that the tests send are all
   * handled by the server's handler, and Javalin catches every failure of a route itself.
   */
  org.eclipse.jetty.ee10.servlet.ErrorHandler servletErrorHandler() {
    return new org.eclipse.jetty.ee10.servlet.ErrorHandler() {
      @Override
      protected boolean generateAcceptableResponse(
          Request request,
          Response response,
          Callback callback,
          String contentType,
          List<Charset> charsets,
          int status,
          String message,
          Throwable cause) {
        writeJettyProblem(response, status, callback);
        return true;
      }
    };
  }

  private void writeJettyProblem(Response response, int status, Callback callback) {
    log.debug("Jetty rejected the request status={}", status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM_CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(json.toBytes(Problem.plain(status).body())), callback);
  }

  private Problem toProblem(Exception failure, Context ctx) {
    return switch (failure) {
      case HttpProblem problem -> Problem.from(problem);
      case ValidationException invalid ->
          Problem.of(ProblemType.INVALID_FIELD, sentence(invalid.field(), invalid.reason()))
              .withField(invalid.field());
      case DuplicateException duplicate ->
          Problem.of(
                  ProblemType.CONFLICT,
                  "A value given in "
                      + duplicate.field()
                      + " is already used by another record; choose another value.")
              .withField(duplicate.field());
      case NotFoundException notFound ->
          Problem.of(ProblemType.NOT_FOUND, "The " + notFound.resource() + " was not found.");
      case VersionConflictException conflict -> versionConflict(conflict);
      case UnreadableStoredEventException unreadable ->
          Problem.of(
              ProblemType.EVENT_UNREADABLE,
              "This version of the service cannot read the stored event: "
                  + unreadable.reason()
                  + ".");
      case HttpResponseException javalin -> fromJavalin(javalin, ctx);
      default -> {
        Optional<SQLException> unreachable = connectionFailure(failure);
        yield unreachable.isPresent()
            ? unavailable(unreachable.get(), ctx)
            : internal(failure, ctx);
      }
    };
  }

  /**
   * Returns the {@link SQLException} in {@code failure}'s causes that shows the database could not
   * be reached: a {@link SQLTransientConnectionException}, as a pool throws when it has no
   * connection to give, or an SQL state of class {@code 08} (connection exception) or {@code 57P01}
   * to {@code 57P03} (the server is shutting down or not accepting connections).
   */
  static Optional<SQLException> connectionFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && isConnectionFailure(sql)) {
        return Optional.of(sql);
      }
    }
    return Optional.empty();
  }

  private static boolean isConnectionFailure(SQLException failure) {
    if (failure instanceof SQLTransientConnectionException) {
      return true;
    }
    String state = failure.getSQLState();
    return state != null && (state.startsWith("08") || SERVER_GOING_AWAY.contains(state));
  }

  /** SQL states of a server that is shutting down or not accepting connections. */
  private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

  private static Problem unavailable(SQLException cause, Context ctx) {
    log.warn(
        "Request failed because the database cannot be reached method={} path={}"
            + " correlationId={} error={}",
        ctx.method(),
        ctx.path(),
        correlationId(),
        cause.toString());
    ctx.header("Retry-After", "1");
    return Problem.of(
        ProblemType.STORAGE_UNAVAILABLE,
        "The database cannot be reached now; retry the request later.");
  }

  private static String sentence(String field, String reason) {
    return field.isEmpty() ? reason : field + " " + reason;
  }

  private static Problem versionConflict(VersionConflictException conflict) {
    if (conflict.currentVersion() == 0) {
      return Problem.of(
          ProblemType.VERSION_CONFLICT,
          "The resource was changed or deleted since version "
              + conflict.expectedVersion()
              + "; read it again before changing it.");
    }
    return Problem.of(
        ProblemType.VERSION_CONFLICT,
        "The resource is at version "
            + conflict.currentVersion()
            + ", not "
            + conflict.expectedVersion()
            + "; read it again before changing it.");
  }

  /**
   * Maps the exceptions that Javalin throws for an unknown route or a large body, and that {@link
   * RequestBodyReader} throws for a body that cannot be read.
   */
  private Problem fromJavalin(HttpResponseException failure, Context ctx) {
    return switch (failure.getStatus()) {
      case 404 ->
          Problem.of(
              ProblemType.ROUTE_NOT_FOUND, "No route matches " + ctx.method() + " " + ctx.path());
      case 405 -> {
        String allowed = String.join(", ", failure.getDetails().values());
        if (!allowed.isEmpty()) {
          ctx.header("Allow", allowed);
        }
        yield Problem.of(
            ProblemType.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path());
      }
      case 413 -> Problem.from(RequestBodyReader.tooLarge(maxBodyBytes));
      default -> {
        if (failure.getStatus() >= 500) {
          yield internal(failure, ctx);
        }
        log.debug("Request rejected as a plain problem status={}", failure.getStatus());
        yield Problem.plain(failure.getStatus());
      }
    };
  }

  private static Problem internal(Exception failure, Context ctx) {
    log.error(
        "Request failed method={} path={} correlationId={}",
        ctx.method(),
        ctx.path(),
        correlationId(),
        failure);
    return Problem.of(ProblemType.INTERNAL, INTERNAL_DETAIL);
  }

  private void write(Context ctx, Problem problem) {
    Map<String, Object> body = problem.body();
    body.put("instance", ctx.path());
    if (problem.status() < 500) {
      log.debug("Request rejected status={} type={}", problem.status(), problem.type());
    }
    ctx.status(problem.status()).contentType(PROBLEM_CONTENT_TYPE).result(json.toBytes(body));
  }

  private static String correlationId() {
    return MDC.get(RequestMetadata.MDC_KEY);
  }

  /**
   * One problem response. {@code type} is {@code about:blank} only for statuses that Javalin or
   * Jetty report and to which this API gives no meaning of its own.
   */
  private record Problem(
      String type,
      String title,
      int status,
      String detail,
      Optional<String> field,
      Optional<String> header) {
    static Problem of(ProblemType type, String detail) {
      return new Problem(
          type.uri(), type.title(), type.status(), detail, Optional.empty(), Optional.empty());
    }

    static Problem from(HttpProblem problem) {
      ProblemType type = problem.type();
      return new Problem(
          type.uri(),
          type.title(),
          type.status(),
          problem.detail(),
          problem.field(),
          problem.header());
    }

    static Problem plain(int status) {
      String title = HttpStatus.forStatus(status).getMessage();
      return new Problem("about:blank", title, status, title, Optional.empty(), Optional.empty());
    }

    Problem withField(String name) {
      return new Problem(type, title, status, detail, Optional.of(name), header);
    }

    Map<String, Object> body() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", type);
      body.put("title", title);
      body.put("status", status);
      body.put("detail", detail);
      field.ifPresent(name -> body.put("field", name));
      header.ifPresent(name -> body.put("header", name));
      return body;
    }
  }
}
