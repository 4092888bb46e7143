package io.rustok.core.adapters.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rustok.core.adapters.http.tenancy.TenantSource;
import io.rustok.core.application.content.CreateNode;
import io.rustok.core.application.content.DeleteNode;
import io.rustok.core.application.content.GetNode;
import io.rustok.core.application.content.ListNodes;
import io.rustok.core.application.content.PublishNode;
import io.rustok.core.application.content.UnpublishNode;
import io.rustok.core.application.content.UpdateNode;
import io.rustok.core.application.outbox.InspectOutbox;
import io.rustok.core.application.outbox.ReplayFailedEvent;
import io.rustok.core.application.tenancy.CreateTenant;
import io.rustok.core.application.tenancy.GetTenant;
import io.rustok.core.application.tenancy.UpdateTenant;
import io.rustok.core.json.CloudEventFormat;
import io.rustok.core.json.EventSchemaCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API of the core: tenants, nodes, the outbox operator views, the event schema catalog,
 * health checks and metrics, served by Javalin on Jetty with one virtual thread per request.
 *
 * <p>Every error response is RFC 9457 {@code application/problem+json} with a {@link ProblemType}.
 * Every response carries the request's correlation id in {@code X-Correlation-ID}. Node and tenant
 * responses carry their version as {@code ETag}.
 *
 * <p>Note that the adapter does no authentication or authorisation: {@code X-Actor-ID} is recorded
 * as the actor but not verified, and the outbox routes show every tenant's events. Deploy it behind
 * something that checks both.
 */
public final class HttpApi {
  /** Address that {@link #start(int)} listens on. */
  public static final String LOOPBACK = "127.0.0.1";

  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

  /** Maximum time {@link #stop} waits for requests in progress. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  /**
   * The use cases the routes call.
   *
   * @param tenantResolver finds the tenant of node requests, such as {@code resolveTenant::find} or
   *     a caching wrapper around it
   * @param readiness returns whether the service can serve requests now, such as whether its
   *     database responds. {@code /health/ready} reports it, and a check that throws counts as not
   *     ready.
   * @param meterRegistry where the API records its HTTP and tenant resolution meters, and what
   *     {@code GET /metrics} serves in the Prometheus text format, with every other meter the
   *     caller registered on it
   */
  public record Dependencies(
      CreateTenant createTenant,
      GetTenant getTenant,
      UpdateTenant updateTenant,
      TenantResolver tenantResolver,
      CreateNode createNode,
      GetNode getNode,
      ListNodes listNodes,
      UpdateNode updateNode,
      PublishNode publishNode,
      UnpublishNode unpublishNode,
      DeleteNode deleteNode,
      InspectOutbox inspectOutbox,
      ReplayFailedEvent replayFailedEvent,
      BooleanSupplier readiness,
      PrometheusMeterRegistry meterRegistry) {
    public Dependencies {
      Objects.requireNonNull(createTenant, "createTenant");
      Objects.requireNonNull(getTenant, "getTenant");
      Objects.requireNonNull(updateTenant, "updateTenant");
      Objects.requireNonNull(tenantResolver, "tenantResolver");
      Objects.requireNonNull(createNode, "createNode");
      Objects.requireNonNull(getNode, "getNode");
      Objects.requireNonNull(listNodes, "listNodes");
      Objects.requireNonNull(updateNode, "updateNode");
      Objects.requireNonNull(publishNode, "publishNode");
      Objects.requireNonNull(unpublishNode, "unpublishNode");
      Objects.requireNonNull(deleteNode, "deleteNode");
      Objects.requireNonNull(inspectOutbox, "inspectOutbox");
      Objects.requireNonNull(replayFailedEvent, "replayFailedEvent");
      Objects.requireNonNull(readiness, "readiness");
      Objects.requireNonNull(meterRegistry, "meterRegistry");
    }

    /** Creates the dependencies with a meter registry of their own, which only the API fills. */
    public Dependencies(
        CreateTenant createTenant,
        GetTenant getTenant,
        UpdateTenant updateTenant,
        TenantResolver tenantResolver,
        CreateNode createNode,
        GetNode getNode,
        ListNodes listNodes,
        UpdateNode updateNode,
        PublishNode publishNode,
        UnpublishNode unpublishNode,
        DeleteNode deleteNode,
        InspectOutbox inspectOutbox,
        ReplayFailedEvent replayFailedEvent,
        BooleanSupplier readiness) {
      this(
          createTenant,
          getTenant,
          updateTenant,
          tenantResolver,
          createNode,
          getNode,
          listNodes,
          updateNode,
          publishNode,
          unpublishNode,
          deleteNode,
          inspectOutbox,
          replayFailedEvent,
          readiness,
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }
  }

  /**
   * Settings of the server.
   *
   * @param maxBodyBytes maximum request body in bytes. A larger body is rejected with 413, whether
   *     its Content-Length declares it up front or a chunked body grows past it while being read.
   * @param tenantSource where node requests name their tenant
   */
  public record Settings(long maxBodyBytes, TenantSource tenantSource) {
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public Settings {
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive, not " + maxBodyBytes);
      }
      Objects.requireNonNull(tenantSource, "tenantSource");
    }

    /** Creates settings that take the tenant from {@code X-Tenant-ID}. */
    public Settings(long maxBodyBytes) {
      this(maxBodyBytes, new TenantSource.Header());
    }

    /** Returns settings with a 1 MiB body limit that take the tenant from {@code X-Tenant-ID}. */
    public static Settings defaults() {
      return new Settings(DEFAULT_MAX_BODY_BYTES);
    }
  }

  private final Dependencies dependencies;
  private final Settings settings;
  private final CloudEventFormat cloudEvents;
  private Javalin server;

  /**
   * Creates the API.
   *
   * @param cloudEvents the form in which {@code GET /api/outbox/events/{id}} returns an event, the
   *     same as the relay's transport delivers it
   */
  public HttpApi(Dependencies dependencies, Settings settings, CloudEventFormat cloudEvents) {
    this.dependencies = Objects.requireNonNull(dependencies, "dependencies");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.cloudEvents = Objects.requireNonNull(cloudEvents, "cloudEvents");
  }

  /**
   * Creates the API with events in CloudEvents form from {@link CloudEventFormat#DEFAULT_SOURCE}.
   */
  public HttpApi(Dependencies dependencies, Settings settings) {
    this(dependencies, settings, new CloudEventFormat(CloudEventFormat.DEFAULT_SOURCE));
  }

  public HttpApi(Dependencies dependencies) {
    this(dependencies, Settings.defaults());
  }

  /**
   * Starts listening on {@code host} and {@code port}. Port 0 picks a free port, which {@link
   * #port()} then returns.
   *
   * @throws IllegalStateException if the server is already running
   */
  public synchronized HttpApi start(String host, int port) {
    if (server != null) {
      throw new IllegalStateException("the HTTP API is already running on port " + server.port());
    }
    Javalin app = Javalin.create(this::configure);
    app.start(host, port);
    server = app;
    log.info("Started HTTP API host={} port={}", host, app.port());
    return this;
  }

  /** Starts listening on the loopback address only, as {@link #start(String, int)} does. */
  public HttpApi start(int port) {
    return start(LOOPBACK, port);
  }

  /**
   * Returns every route the server serves, as {@code "METHOD /path"}, sorted. Filters and error
   * handlers are left out.
   *
   * @throws IllegalStateException if the server is not running
   */
  public synchronized List<String> routes() {
    if (server == null) {
      throw new IllegalStateException("the HTTP API is not running");
    }
    return server.unsafe.internalRouter.allHttpHandlers().stream()
        .map(handler -> handler.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * Returns the port the server listens on.
   *
   * @throws IllegalStateException if the server is not running
   */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("the HTTP API is not running");
    }
    return server.port();
  }

  /** Stops the server and lets requests in progress finish. Does nothing if it is not running. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.stop();
    server = null;
    log.info("Stopped HTTP API");
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.concurrency.useVirtualThreads = true;
    config.http.maxRequestSize = settings.maxBodyBytes();
    config.http.prefer405over404 = true;
    config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
    // Jetty stops at once unless a GracefulHandler tracks requests in progress and the server has
    // a stop timeout to wait for them. With both, stop() rejects new requests and lets the running
    // ones finish, up to the timeout.
    config.jetty.modifyServer(
        server -> {
          server.setStopTimeout(STOP_TIMEOUT.toMillis());
          server.insertHandler(new GracefulHandler());
        });
    HttpMetrics httpMetrics = new HttpMetrics(dependencies.meterRegistry());
    config.requestLogger.http(
        (ctx, millis) -> {
          httpMetrics.record(ctx, millis);
          log.debug(
              "Served method={} path={} status={} millis={} correlationId={}",
              ctx.method(),
              ctx.path(),
              ctx.statusCode(),
              millis,
              ctx.res().getHeader(RequestMetadata.CORRELATION_HEADER));
        });

    JsonCodec json = new JsonCodec(settings.maxBodyBytes());
    ProblemResponses problems = new ProblemResponses(json, settings.maxBodyBytes());
    config.router.javaLangErrorHandler(problems::handleError);
    config.jetty.modifyServer(server -> server.setErrorHandler(problems.serverErrorHandler()));
    config.jetty.modifyServletContextHandler(
        context -> context.setErrorHandler(problems.servletErrorHandler()));
    problems.register(config.routes);
    new RequestMetadata().register(config.routes);
    new EventSchemaRoutes(EventSchemaCatalog.standard(), json).register(config.routes);

    Dependencies d = dependencies;
    new TenantRoutes(d.createTenant(), d.getTenant(), d.updateTenant(), json)
        .register(config.routes);
    NodeRoutes.UseCases content =
        new NodeRoutes.UseCases(
            d.createNode(),
            d.getNode(),
            d.listNodes(),
            d.updateNode(),
            d.publishNode(),
            d.unpublishNode(),
            d.deleteNode());
    TenantScope tenantScope =
        new TenantScope(d.tenantResolver(), settings.tenantSource(), d.meterRegistry());
    new NodeRoutes(content, tenantScope, json).register(config.routes);
    new OutboxRoutes(d.inspectOutbox(), d.replayFailedEvent(), cloudEvents, json)
        .register(config.routes);
    new HealthRoutes(d.readiness(), json).register(config.routes);
    new MetricsRoutes(d.meterRegistry()).register(config.routes);
  }
}
