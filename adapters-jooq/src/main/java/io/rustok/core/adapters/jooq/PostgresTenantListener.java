package io.rustok.core.adapters.jooq;

import io.rustok.core.domain.shared.Require;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for the tenant changes that other instances announce with {@link PostgresTenantNotifier},
 * on a dedicated connection that is not taken from the pool, and passes them to a {@link
 * Subscriber}.
 *
 * <p>PostgreSQL delivers a notification only to sessions that were listening when it was sent. So
 * whenever the connection fails, the listener reconnects with a doubling delay (from {@code
 * initialRetryDelay} up to {@code maxRetryDelay}), runs {@code LISTEN} again, and then calls {@link
 * Subscriber#changesMissed()}, after which the subscriber drops everything it cached: whatever
 * changed while nobody listened is then read fresh. It does the same after the very first {@code
 * LISTEN}, which covers anything cached before the listener started. Every {@value
 * #HEALTH_CHECK_SECONDS} seconds without a notification it runs {@code select 1}, so a connection
 * that died silently is noticed.
 *
 * <p>Messages this instance sent itself, and messages this version cannot read, are handled so that
 * nothing stale survives: its own are skipped, because the instance already dropped those entries
 * when it made the change, and unreadable ones are passed on as {@link Subscriber#changesMissed()}.
 */
public final class PostgresTenantListener implements AutoCloseable {
  /** Application name of the listening session, as {@code pg_stat_activity} shows it. */
  public static final String APPLICATION_NAME = "rustok-tenant-listener";

  static final long HEALTH_CHECK_SECONDS = 10;
  private static final Logger log = LoggerFactory.getLogger(PostgresTenantListener.class);
  private static final int POLL_MILLIS = 500;

  /** Receives the changes. Its methods run on the listener's thread and should return quickly. */
  public interface Subscriber {
    /** Another instance changed tenants that had these names. */
    void tenantsChanged(ChangedTenantNames names);

    /** Changes may have been missed, so every cached entry may be stale. */
    void changesMissed();
  }

  private final PostgresConfig config;
  private final UUID origin;
  private final Subscriber subscriber;
  private final Duration initialRetryDelay;
  private final Duration maxRetryDelay;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch subscribedOnce = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;

  private PostgresTenantListener(
      PostgresConfig config,
      UUID origin,
      Subscriber subscriber,
      Duration initialRetryDelay,
      Duration maxRetryDelay) {
    this.config = config;
    this.origin = origin;
    this.subscriber = subscriber;
    this.initialRetryDelay = initialRetryDelay;
    this.maxRetryDelay = maxRetryDelay;
    this.thread = Thread.ofPlatform().name("rustok-tenant-listener").daemon().unstarted(this::run);
  }

  /**
   * Starts listening on a thread of its own, retrying after 200 ms up to 30 s between attempts.
   *
   * @param origin id of this instance, as given to its {@link PostgresTenantNotifier}
   */
  public static PostgresTenantListener start(
      PostgresConfig config, UUID origin, Subscriber subscriber) {
    return start(config, origin, subscriber, Duration.ofMillis(200), Duration.ofSeconds(30));
  }

  static PostgresTenantListener start(
      PostgresConfig config,
      UUID origin,
      Subscriber subscriber,
      Duration initialRetryDelay,
      Duration maxRetryDelay) {
    PostgresTenantListener listener =
        new PostgresTenantListener(
            Require.notNull(config, "config"),
            Require.notNull(origin, "origin"),
            Require.notNull(subscriber, "subscriber"),
            initialRetryDelay,
            maxRetryDelay);
    listener.thread.start();
    return listener;
  }

  /** Waits until the first {@code LISTEN} has succeeded, and returns whether it did in time. */
  public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
    return subscribedOnce.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops listening and closes the connection; waits up to five seconds for the thread. */
  @Override
  public void close() {
    running = false;
    stopped.countDown();
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    Duration delay = initialRetryDelay;
    while (running) {
      try (Connection connection = connect()) {
        listen(connection);
        delay = initialRetryDelay;
        log.info("Listening for tenant changes channel={}", TenantChangeMessages.CHANNEL);
        tell(subscriber::changesMissed);
        subscribedOnce.countDown();
        receive(connection);
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          break;
        }
        log.warn("Listening for tenant changes failed; retrying in {} ms", delay.toMillis(), e);
        if (sleep(delay)) {
          break;
        }
        Duration doubled = delay.multipliedBy(2);
        delay = doubled.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : doubled;
      }
    }
    log.info("Stopped listening for tenant changes");
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    config.username().ifPresent(user -> properties.setProperty("user", user));
    config.password().ifPresent(password -> properties.setProperty("password", password));
    properties.setProperty("ApplicationName", APPLICATION_NAME);
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty(
        "connectTimeout", Long.toString(Math.max(1, config.connectionTimeout().toSeconds())));
    return DriverManager.getConnection(config.jdbcUrl(), properties);
  }

  private static void listen(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("listen " + TenantChangeMessages.CHANNEL);
    }
  }

  private void receive(Connection connection) throws SQLException {
    PGConnection postgres = connection.unwrap(PGConnection.class);
    long lastActivity = System.nanoTime();
    while (running) {
      PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
      if (notifications != null && notifications.length > 0) {
        lastActivity = System.nanoTime();
        for (PGNotification notification : notifications) {
          deliver(notification.getParameter());
        }
      } else if (System.nanoTime() - lastActivity
          > TimeUnit.SECONDS.toNanos(HEALTH_CHECK_SECONDS)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("select 1");
        }
        lastActivity = System.nanoTime();
      }
    }
  }

  private void deliver(String payload) {
    Optional<TenantChangeMessages.Message> message = TenantChangeMessages.decode(payload);
    if (message.isEmpty()) {
      log.warn("Received an unreadable tenant change; dropping every cached tenant");
      tell(subscriber::changesMissed);
      return;
    }
    if (message.get().origin().equals(origin)) {
      return;
    }
    log.debug("Received a tenant change ids={}", message.get().names().ids());
    tell(() -> subscriber.tenantsChanged(message.get().names()));
  }

  /** Runs a subscriber call; a failure in it is logged and does not end the listening. */
  private static void tell(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn("A tenant change subscriber failed", e);
    }
  }

  /** Waits for the delay, and returns true if the listener was closed meanwhile. */
  private boolean sleep(Duration delay) {
    try {
      return stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
