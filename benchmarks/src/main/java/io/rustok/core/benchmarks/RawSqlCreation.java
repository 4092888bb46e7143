package io.rustok.core.benchmarks;

import io.rustok.core.domain.event.EventType;
import io.rustok.core.domain.event.EventTypes;
import io.rustok.core.domain.event.NodeCreated;
import io.rustok.core.domain.shared.IdSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Creates each node with plain JDBC: the rows that {@code CreateNode} stores, in one transaction,
 * with no domain objects, no jOOQ and no JSON library.
 *
 * <p>The statements insert the same columns with the same kinds of values as the use case: new UUID
 * version 7 ids, the {@link SampleNode} texts and, when the outbox row is included, a {@code
 * node.created} envelope with the fields and field order of the JSON codec, built by string
 * concatenation.
 */
final class RawSqlCreation implements NodeCreation {
  private static final String INSERT_NODE =
      "insert into nodes (id, tenant_id, kind, status, author_id, parent_id, position, metadata,"
          + " version, created_at, updated_at, published_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)";
  private static final String INSERT_TRANSLATION =
      "insert into node_translations (node_id, tenant_id, locale, position, title, slug, excerpt)"
          + " values (?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_BODY =
      "insert into node_bodies (node_id, locale, position, body) values (?, ?, ?, ?)";
  private static final String INSERT_EVENT =
      "insert into sys_events (id, payload, event_type, schema_version, status, retry_count,"
          + " next_attempt_at, created_at) values (?, ?::jsonb, ?, ?, ?, ?, now(), now())";

  /** Type and current schema version of the event, as the use case stores them. */
  private static final EventType NODE_CREATED = EventTypes.of(NodeCreated.class);

  private final DataSource dataSource;
  private final UUID tenantId;
  private final UUID actorId;
  private final IdSource ids;
  private final Clock clock;
  private final boolean withOutboxRow;

  RawSqlCreation(
      DataSource dataSource,
      UUID tenantId,
      UUID actorId,
      IdSource ids,
      Clock clock,
      boolean withOutboxRow) {
    this.dataSource = dataSource;
    this.tenantId = tenantId;
    this.actorId = actorId;
    this.ids = ids;
    this.clock = clock;
    this.withOutboxRow = withOutboxRow;
  }

  @Override
  public void create(int client, long sequence) throws SQLException {
    UUID nodeId = ids.newId();
    Instant now = clock.instant();
    String title = SampleNode.title(client, sequence);
    String slug = SampleNode.slug(client, sequence);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        insertNode(connection, nodeId, now.truncatedTo(ChronoUnit.MICROS));
        insertTranslation(connection, nodeId, title, slug);
        insertBody(connection, nodeId);
        if (withOutboxRow) {
          insertEvent(connection, ids.newId(), nodeId, now, title, slug, client, sequence);
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private void insertNode(Connection connection, UUID nodeId, Instant now) throws SQLException {
    OffsetDateTime timestamp = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    try (PreparedStatement insert = connection.prepareStatement(INSERT_NODE)) {
      insert.setObject(1, nodeId);
      insert.setObject(2, tenantId);
      insert.setString(3, SampleNode.KIND);
      insert.setString(4, SampleNode.STATUS);
      insert.setObject(5, actorId);
      insert.setObject(6, null, Types.OTHER);
      insert.setInt(7, 0);
      insert.setString(8, SampleNode.METADATA_JSON);
      insert.setLong(9, 1);
      insert.setObject(10, timestamp);
      insert.setObject(11, timestamp);
      insert.setObject(12, null, Types.TIMESTAMP_WITH_TIMEZONE);
      insert.executeUpdate();
    }
  }

  private void insertTranslation(Connection connection, UUID nodeId, String title, String slug)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_TRANSLATION)) {
      insert.setObject(1, nodeId);
      insert.setObject(2, tenantId);
      insert.setString(3, SampleNode.LOCALE);
      insert.setInt(4, 0);
      insert.setString(5, title);
      insert.setString(6, slug);
      insert.setString(7, SampleNode.EXCERPT);
      insert.executeUpdate();
    }
  }

  private static void insertBody(Connection connection, UUID nodeId) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_BODY)) {
      insert.setObject(1, nodeId);
      insert.setString(2, SampleNode.LOCALE);
      insert.setInt(3, 0);
      insert.setString(4, SampleNode.BODY);
      insert.executeUpdate();
    }
  }

  private void insertEvent(
      Connection connection,
      UUID eventId,
      UUID nodeId,
      Instant occurredAt,
      String title,
      String slug,
      int client,
      long sequence)
      throws SQLException {
    String payload =
        "{\"eventId\":\""
            + eventId
            + "\",\"eventType\":\""
            + NODE_CREATED.name()
            + "\",\"schemaVersion\":"
            + NODE_CREATED.version()
            + ",\"tenantId\":\""
            + tenantId
            + "\",\"actorId\":\""
            + actorId
            + "\",\"correlationId\":\""
            + SampleNode.correlationId(client, sequence)
            + "\",\"causationId\":null,\"traceparent\":null,\"occurredAt\":\""
            + occurredAt
            + "\",\"aggregateType\":\"node\",\"aggregateId\":\""
            + nodeId
            + "\",\"data\":{\"nodeId\":\""
            + nodeId
            + "\",\"kind\":\""
            + SampleNode.KIND
            + "\",\"status\":\""
            + SampleNode.STATUS
            + "\",\"parentId\":null,\"primaryLocale\":\""
            + SampleNode.LOCALE
            + "\",\"slug\":\""
            + slug
            + "\",\"translations\":[{\"locale\":\""
            + SampleNode.LOCALE
            + "\",\"title\":\""
            + title
            + "\",\"slug\":\""
            + slug
            + "\"}],\"bodyLocales\":[\""
            + SampleNode.LOCALE
            + "\"]}}";
    try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT)) {
      insert.setObject(1, eventId);
      insert.setString(2, payload);
      insert.setString(3, NODE_CREATED.name());
      insert.setInt(4, NODE_CREATED.version());
      insert.setString(5, "pending");
      insert.setInt(6, 0);
      insert.executeUpdate();
    }
  }
}
