package io.rustok.core.adapters.jooq;

import io.rustok.core.domain.shared.Require;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the names of changed tenants to the other instances that share the database, with {@code
 * pg_notify} on the channel that {@link PostgresTenantListener} listens to.
 *
 * <p>Call it after the change has committed. Each message runs in its own autocommitted statement
 * on a pooled connection. Note that if sending fails, for example because the database went away
 * just after the commit, no message reaches the other instances, so they keep their cached entries
 * until those expire. The failure is logged as a warning and not thrown, because the change itself
 * has already committed.
 */
public final class PostgresTenantNotifier {
  private static final Logger log = LoggerFactory.getLogger(PostgresTenantNotifier.class);

  private final DataSource dataSource;
  private final UUID origin;

  /**
   * @param origin id of this instance, carried by every message so that this instance's own
   *     listener can skip the messages it sent
   */
  public PostgresTenantNotifier(DataSource dataSource, UUID origin) {
    this.dataSource = Require.notNull(dataSource, "dataSource");
    this.origin = Require.notNull(origin, "origin");
  }

  /** Sends the names in as many messages as their size needs; does nothing for no names. */
  public void announce(ChangedTenantNames names) {
    Require.notNull(names, "names");
    if (names.isEmpty()) {
      return;
    }
    List<String> payloads = TenantChangeMessages.encode(origin, names);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
      for (String payload : payloads) {
        notify.setString(1, TenantChangeMessages.CHANNEL);
        notify.setString(2, payload);
        notify.execute();
      }
      log.debug("Announced a tenant change ids={} messages={}", names.ids(), payloads.size());
    } catch (SQLException e) {
      log.warn(
          "Announcing a tenant change failed; other instances keep their cached entries until"
              + " they expire ids={}",
          names.ids(),
          e);
    }
  }
}
