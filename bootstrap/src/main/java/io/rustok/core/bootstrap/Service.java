package io.rustok.core.bootstrap;

import io.rustok.core.adapters.http.HttpApi;
import io.rustok.core.adapters.inmemory.InMemoryNodeRepository;
import io.rustok.core.adapters.inmemory.InMemoryOutbox;
import io.rustok.core.adapters.inmemory.InMemoryTenantRepository;
import io.rustok.core.adapters.inmemory.InMemoryUnitOfWork;
import io.rustok.core.adapters.jooq.JooqAdapters;
import io.rustok.core.adapters.jooq.PostgresConfig;
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
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: storage, use cases, the HTTP API and the outbox relay, wired by hand.
 *
 * <p>{@link #close} stops taking requests first, then lets the relay finish its batch, then
 * releases the storage, so nothing in flight loses its connection.
 */
public final class Service implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Service.class);
  private static final Duration RELAY_STOP_TIMEOUT = Duration.ofSeconds(30);

  private final HttpApi http;
  private final Optional<OutboxRelayWorker> relay;
  private final Storage storage;
  private boolean closed;

  private Service(HttpApi http, Optional<OutboxRelayWorker> relay, Storage storage) {
    this.http = http;
    this.relay = relay;
    this.storage = storage;
  }

  /** Starts the service with the default transport, which logs each event as a CloudEvent. */
  public static Service start(ServiceConfig config) {
    return start(config, new LogEventTransport(new CloudEventFormat(config.eventSource())));
  }

  /** Starts the service, delivering events to {@code transport}. */
  public static Service start(ServiceConfig config, EventTransport transport) {
    return start(config, transport, EventUpcasters.declared());
  }

  /**
   * Starts the service, reading events stored at older schema versions through {@code upcasters}.
   *
   * @throws IllegalStateException before anything starts, naming the event type, if the upcaster
   *     chain of a type has a gap, a duplicate or a step past its current version
   */
  static Service start(
      ServiceConfig config, EventTransport transport, List<EventUpcaster> upcasters) {
    EventUpcasters checkedUpcasters = EventUpcasters.of(upcasters);
    Clock clock = Clock.systemUTC();
    IdSource ids = new UuidV7(clock);
    Storage storage = openStorage(config, clock, checkedUpcasters);

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
            dependencies(storage, events, ids, clock, wakeRelay),
            new HttpApi.Settings(config.maxBodyBytes()),
            new CloudEventFormat(config.eventSource()));
    relay.ifPresent(OutboxRelayWorker::start);
    http.start(config.httpHost(), config.httpPort());
    log.info(
        "Service started storage={} port={} relay={}",
        config.storage(),
        http.port(),
        config.relayEnabled());
    return new Service(http, relay, storage);
  }

  private static Storage openStorage(ServiceConfig config, Clock clock, EventUpcasters upcasters) {
    return switch (config.storage()) {
      case MEMORY -> memoryStorage(clock);
      case POSTGRES -> postgresStorage(config.postgres().orElseThrow(), upcasters);
    };
  }

  private static Storage postgresStorage(PostgresConfig config, EventUpcasters upcasters) {
    log.info("Opening PostgreSQL storage {}", config);
    JooqAdapters adapters =
        JooqAdapters.start(config, new JsonEnvelopeCodec(new EventEnvelopeCodec(upcasters)));
    return new Storage(
        adapters.unitOfWork(),
        adapters.tenants(),
        adapters.nodes(),
        adapters.outbox(),
        adapters.outbox(),
        () -> isReachable(adapters.dataSource()),
        adapters);
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
        () -> {});
  }

  private static HttpApi.Dependencies dependencies(
      Storage storage, EventPublisher events, IdSource ids, Clock clock, Runnable wakeRelay) {
    var unitOfWork = storage.unitOfWork();
    var tenants = storage.tenants();
    var nodes = storage.nodes();
    return new HttpApi.Dependencies(
        new CreateTenant(unitOfWork, tenants, events, ids, clock),
        new GetTenant(tenants),
        new UpdateTenant(unitOfWork, tenants, events, clock, TenantChangeListener.NONE),
        new ResolveTenant(tenants)::find,
        new CreateNode(unitOfWork, nodes, events, ids, clock),
        new GetNode(nodes),
        new ListNodes(nodes),
        new UpdateNode(unitOfWork, nodes, events, clock),
        new PublishNode(unitOfWork, nodes, events, clock),
        new UnpublishNode(unitOfWork, nodes, events, clock),
        new DeleteNode(unitOfWork, nodes, events),
        new InspectOutbox(storage.outboxStore()),
        new ReplayFailedEvent(storage.outboxStore(), wakeRelay),
        storage.readiness());
  }

  /** Returns the port the HTTP API listens on. */
  public int port() {
    return http.port();
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
    try {
      storage.closer().close();
    } catch (Exception e) {
      log.warn("Closing the storage failed", e);
    }
    log.info("Service stopped");
  }
}
