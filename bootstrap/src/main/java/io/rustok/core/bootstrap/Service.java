package io.rustok.core.bootstrap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rustok.core.adapters.http.HttpApi;
import io.rustok.core.adapters.http.tenancy.CachingTenantResolver;
import io.rustok.core.adapters.inmemory.InMemoryNodeRepository;
import io.rustok.core.adapters.inmemory.InMemoryOutbox;
import io.rustok.core.adapters.inmemory.InMemoryTenantRepository;
import io.rustok.core.adapters.inmemory.InMemoryUnitOfWork;
import io.rustok.core.adapters.jooq.JooqAdapters;
import io.rustok.core.adapters.jooq.PostgresConfig;
import io.rustok.core.adapters.jooq.PostgresTenantListener;
import io.rustok.core.adapters.jooq.PostgresTenantNotifier;
import io.rustok.core.application.EventPublisher;
import io.rustok.core.application.content.CreateNode;
import io.rustok.core.application.content.DeleteNode;
import io.rustok.core.application.content.GetNode;
import io.rustok.core.application.content.ListNodes;
import io.rustok.core.application.content.PublishNode;
import io.rustok.core.application.content.UnpublishNode;
import io.rustok.core.application.content.UpdateNode;
import io.rustok.core.application.outbox.InspectOutbox;
import io.rustok.core.application.outbox.OutboxRelayWorker;
import io.rustok.core.application.outbox.RelayOutbox;
import io.rustok.core.application.outbox.ReplayFailedEvent;
import io.rustok.core.application.tenancy.CreateTenant;
import io.rustok.core.application.tenancy.GetTenant;
import io.rustok.core.application.tenancy.ResolveTenant;
import io.rustok.core.application.tenancy.TenantChangeListener;
import io.rustok.core.application.tenancy.UpdateTenant;
import io.rustok.core.domain.event.EventUpcaster;
import io.rustok.core.domain.event.EventUpcasters;
import io.rustok.core.domain.outbox.EventTransport;
import io.rustok.core.domain.shared.IdSource;
import io.rustok.core.domain.shared.UuidV7;
import io.rustok.core.json.CloudEventFormat;
import io.rustok.core.json.EventEnvelopeCodec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: storage, use cases, the HTTP API, the tenant cache, metrics and the outbox
 * relay, wired by hand.
 *
 * <p>Tenant lookups go through one {@link CachingTenantResolver}. In memory mode, tenant changes
 * drop its entries directly. In PostgreSQL mode they are also announced to the other instances that
 * share the database, and a {@link PostgresTenantListener} applies theirs here.
 *
 * <p>{@link #close} stops taking requests first, then lets the relay finish its batch, then stops
 * listening for tenant changes and releases the storage, so nothing in flight loses its connection.
 */
public final class Service implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Service.class);
  private static final Duration RELAY_STOP_TIMEOUT = Duration.ofSeconds(30);

  private final HttpApi http;
  private final Optional<OutboxRelayWorker> relay;
  private final Storage storage;
  private final List<AutoCloseable> resources;
  private final PrometheusMeterRegistry registry;
  private boolean closed;

  private Service(
      HttpApi http,
      Optional<OutboxRelayWorker> relay,
      Storage storage,
      List<AutoCloseable> resources,
      PrometheusMeterRegistry registry) {
    this.http = http;
    this.relay = relay;
    this.storage = storage;
    this.resources = resources;
    this.registry = registry;
  }

  /** Starts the service with the default transport, which logs each event as a CloudEvent. */
  public static Service start(ServiceConfig config) {
    return start(config, new LogEventTransport(new CloudEventFormat(config.eventSource())));
  }

  /** Starts the service, delivering events to {@code transport}. */
  public static Service start(ServiceConfig config, EventTransport transport) {
    return start(config, transport, UnaryOperator.identity(), EventUpcasters.declared());
  }

  /**
   * Starts the service with the PostgreSQL pool seen through {@code decoratePool}, such as a
   * statement counter in tests. Memory mode ignores it.
   */
  static Service start(
      ServiceConfig config, EventTransport transport, UnaryOperator<DataSource> decoratePool) {
    return start(config, transport, decoratePool, EventUpcasters.declared());
  }

  /**
   * Starts the service, reading events stored at older schema versions through {@code upcasters}.
   */
  static Service start(
      ServiceConfig config, EventTransport transport, List<EventUpcaster> upcasters) {
    return start(config, transport, UnaryOperator.identity(), upcasters);
  }

  /**
   * Starts the service with the pool seen through {@code decoratePool} and older event versions
   * read through {@code upcasters}.
   *
   * @throws IllegalStateException before anything starts, naming the event type, if the upcaster
   *     chain of a type has a gap, a duplicate or a step past its current version
   */
  private static Service start(
      ServiceConfig config,
      EventTransport transport,
      UnaryOperator<DataSource> decoratePool,
      List<EventUpcaster> upcasters) {
    EventUpcasters checkedUpcasters = EventUpcasters.of(upcasters);
    // PostgreSQL keeps microseconds, so a time in a write's response equals what reads return
    // later.
    Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    IdSource ids = new UuidV7(clock);
    UUID instance = UUID.randomUUID();
    Storage storage = openStorage(config, clock, decoratePool, checkedUpcasters);
    List<AutoCloseable> resources = new ArrayList<>();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    resources.add(bindJvmMeters(registry));
    new OutboxMeters(new InspectOutbox(storage.outboxStore()), System::nanoTime).register(registry);

    CachingTenantResolver tenantCache =
        new CachingTenantResolver(
            new ResolveTenant(storage.tenants())::find, config.tenantCache(), registry);
    TenantChangeListener tenantChanges =
        tenantChanges(config, storage, tenantCache, instance, resources);

    Optional<OutboxRelayWorker> relay =
        config.relayEnabled()
            ? Optional.of(
                new OutboxRelayWorker(
                    new RelayOutbox(
                        storage.outboxStore(),
                        transport,
                        config.relay(),
                        RandomGenerator.of("L64X128MixRandom")),
                    config.relay().idlePoll()))
            : Optional.empty();
    Runnable wakeRelay = () -> relay.ifPresent(OutboxRelayWorker::wakeUp);
    EventPublisher events =
        new EventPublisher(storage.unitOfWork(), storage.outbox(), ids, clock, wakeRelay);

    HttpApi http =
        new HttpApi(
            dependencies(
                storage, events, ids, clock, wakeRelay, tenantCache, tenantChanges, registry),
            new HttpApi.Settings(config.maxBodyBytes(), config.tenantSource()),
            new CloudEventFormat(config.eventSource()));
    try {
      http.start(config.httpHost(), config.httpPort());
    } catch (RuntimeException e) {
      // Nothing else has started yet, so releasing what was opened lets the process exit.
      new Service(http, Optional.empty(), storage, resources, registry).close();
      throw e;
    }
    relay.ifPresent(OutboxRelayWorker::start);
    log.info(
        "Service started instance={} storage={} port={} relay={} tenantResolution={}",
        instance,
        config.storage(),
        http.port(),
        config.relayEnabled(),
        config.tenantSource().tagValue());
    return new Service(http, relay, storage, resources, registry);
  }

  /**
   * Returns what tenant changes must reach: this instance's cache, and in PostgreSQL mode the other
   * instances too. Adds the listener for their changes to {@code resources}.
   */
  private static TenantChangeListener tenantChanges(
      ServiceConfig config,
      Storage storage,
      CachingTenantResolver tenantCache,
      UUID instance,
      List<AutoCloseable> resources) {
    if (storage.sharedDatabase().isEmpty()) {
      return tenantCache;
    }
    SharedTenantChanges shared =
        new SharedTenantChanges(
            tenantCache, new PostgresTenantNotifier(storage.sharedDatabase().get(), instance));
    resources.add(PostgresTenantListener.start(config.postgres().orElseThrow(), instance, shared));
    return shared;
  }

  private static AutoCloseable bindJvmMeters(MeterRegistry registry) {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    return gc;
  }

  private static Storage openStorage(
      ServiceConfig config,
      Clock clock,
      UnaryOperator<DataSource> decoratePool,
      EventUpcasters upcasters) {
    return switch (config.storage()) {
      case MEMORY -> memoryStorage(clock);
      case POSTGRES -> postgresStorage(config.postgres().orElseThrow(), decoratePool, upcasters);
    };
  }

  private static Storage postgresStorage(
      PostgresConfig config, UnaryOperator<DataSource> decoratePool, EventUpcasters upcasters) {
    log.info("Opening PostgreSQL storage {}", config);
    JsonEnvelopeCodec codec = new JsonEnvelopeCodec(new EventEnvelopeCodec(upcasters));
    JooqAdapters pool = JooqAdapters.start(config, codec);
    DataSource dataSource = decoratePool.apply(pool.dataSource());
    JooqAdapters adapters =
        dataSource == pool.dataSource() ? pool : JooqAdapters.using(dataSource, codec);
    return new Storage(
        adapters.unitOfWork(),
        adapters.tenants(),
        adapters.nodes(),
        adapters.outbox(),
        adapters.outbox(),
        () -> isReachable(adapters.dataSource()),
        pool,
        Optional.of(dataSource));
  }

  private static boolean isReachable(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      log.warn("Readiness check failed: {}", e.getMessage());
      return false;
    }
  }

  private static Storage memoryStorage(Clock clock) {
    InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    InMemoryOutbox outbox = new InMemoryOutbox(unitOfWork, clock);
    return new Storage(
        unitOfWork,
        new InMemoryTenantRepository(unitOfWork),
        new InMemoryNodeRepository(unitOfWork),
        outbox,
        outbox,
        () -> true,
        () -> {},
        Optional.empty());
  }

  private static HttpApi.Dependencies dependencies(
      Storage storage,
      EventPublisher events,
      IdSource ids,
      Clock clock,
      Runnable wakeRelay,
      CachingTenantResolver tenantCache,
      TenantChangeListener tenantChanges,
      PrometheusMeterRegistry registry) {
    var unitOfWork = storage.unitOfWork();
    var tenants = storage.tenants();
    var nodes = storage.nodes();
    return new HttpApi.Dependencies(
        new CreateTenant(unitOfWork, tenants, events, ids, clock, tenantChanges),
        new GetTenant(tenants),
        new UpdateTenant(unitOfWork, tenants, events, clock, tenantChanges),
        tenantCache::find,
        new CreateNode(unitOfWork, nodes, events, ids, clock),
        new GetNode(nodes),
        new ListNodes(nodes),
        new UpdateNode(unitOfWork, nodes, events, clock),
        new PublishNode(unitOfWork, nodes, events, clock),
        new UnpublishNode(unitOfWork, nodes, events, clock),
        new DeleteNode(unitOfWork, nodes, events),
        new InspectOutbox(storage.outboxStore()),
        new ReplayFailedEvent(storage.outboxStore(), wakeRelay),
        storage.readiness(),
        registry);
  }

  /** Returns the routes the HTTP API serves, as {@code "METHOD /path"}. */
  public List<String> routes() {
    return http.routes();
  }

  /** Returns the port the HTTP API listens on. */
  public int port() {
    return http.port();
  }

  /** Returns the registry that {@code GET /metrics} serves. */
  PrometheusMeterRegistry meterRegistry() {
    return registry;
  }

  /** Stops serving, lets the relay finish its batch, and releases the storage. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    log.info("Service stopping");
    http.stop();
    relay.ifPresent(worker -> worker.stop(RELAY_STOP_TIMEOUT));
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("Closing {} failed", resource, e);
      }
    }
    try {
      storage.closer().close();
    } catch (Exception e) {
      log.warn("Closing the storage failed", e);
    }
    log.info("Service stopped");
  }
}
