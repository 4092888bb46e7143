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
 *
 * <p>With {@code oneRequest}, the inserts go to the server as one multi-statement request, as
 * {@code JooqUnitOfWork} sends the inserts it queued; without it, each insert is a request of its
 * own. The commit is a further request either way.
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

  private static final String ALL_WITHOUT_EVENT =
      INSERT_NODE + ";\n" + INSERT_TRANSLATION + ";\n" + INSERT_BODY;
  private static final String ALL_WITH_EVENT = ALL_WITHOUT_EVENT + ";\n" + INSERT_EVENT;

  /** Type and current schema version of the event, as the use case stores them. */
  private static final EventType NODE_CREATED = EventTypes.of(NodeCreated.class);

  private final DataSource dataSource;
  private final UUID tenantId;
  private final UUID actorId;
  private final IdSource ids;
  private final Clock clock;
  private final boolean withOutboxRow;
  private final boolean oneRequest;

  RawSqlCreation(
      DataSource dataSource,
      UUID tenantId,
      UUID actorId,
      IdSource ids,
      Clock clock,
      boolean withOutboxRow,
      boolean oneRequest) {
    this.dataSource = dataSource;
    this.tenantId = tenantId;
    this.actorId = actorId;
    this.ids = ids;
    this.clock = clock;
    this.withOutboxRow = withOutboxRow;
    this.oneRequest = oneRequest;
  }

  /** The values of one creation, shared by its inserts. */
  private record NewNode(
      UUID nodeId, Instant now, String title, String slug, int client, long sequence) {}

  @Override
  public void create(int client, long sequence) throws SQLException {
    NewNode node =
        new NewNode(
            ids.newId(),
            clock.instant(),
            SampleNode.title(client, sequence),
            SampleNode.slug(client, sequence),
            client,
            sequence);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (oneRequest) {
          insertTogether(connection, node);
        } else {
          insertOneByOne(connection, node);
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

  /** Sends the inserts as one multi-statement request. */
  private void insertTogether(Connection connection, NewNode node) throws SQLException {
    String sql = withOutboxRow ? ALL_WITH_EVENT : ALL_WITHOUT_EVENT;
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int parameter = bindNode(insert, 1, node);
      parameter = bindTranslation(insert, parameter, node);
      parameter = bindBody(insert, parameter, node.nodeId());
      if (withOutboxRow) {
        bindEvent(insert, parameter, ids.newId(), node);
      }
      insert.execute();
    }
  }

  /** Sends each insert as a request of its own. */
  private void insertOneByOne(Connection connection, NewNode node) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_NODE)) {
      bindNode(insert, 1, node);
      insert.executeUpdate();
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT_TRANSLATION)) {
      bindTranslation(insert, 1, node);
      insert.executeUpdate();
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT_BODY)) {
      bindBody(insert, 1, node.nodeId());
      insert.executeUpdate();
    }
    if (withOutboxRow) {
      try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT)) {
        bindEvent(insert, 1, ids.newId(), node);
        insert.executeUpdate();
      }
    }
  }

  private int bindNode(PreparedStatement insert, int first, NewNode node) throws SQLException {
    OffsetDateTime timestamp =
        OffsetDateTime.ofInstant(node.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    int parameter = first;
    insert.setObject(parameter++, node.nodeId());
    insert.setObject(parameter++, tenantId);
    insert.setString(parameter++, SampleNode.KIND);
    insert.setString(parameter++, SampleNode.STATUS);
    insert.setObject(parameter++, actorId);
    insert.setObject(parameter++, null, Types.OTHER);
    insert.setInt(parameter++, 0);
    insert.setString(parameter++, SampleNode.METADATA_JSON);
    insert.setLong(parameter++, 1);
    insert.setObject(parameter++, timestamp);
    insert.setObject(parameter++, timestamp);
    insert.setObject(parameter++, null, Types.TIMESTAMP_WITH_TIMEZONE);
    return parameter;
  }

  private int bindTranslation(PreparedStatement insert, int first, NewNode node)
      throws SQLException {
    int parameter = first;
    insert.setObject(parameter++, node.nodeId());
    insert.setObject(parameter++, tenantId);
    insert.setString(parameter++, SampleNode.LOCALE);
    insert.setInt(parameter++, 0);
    insert.setString(parameter++, node.title());
    insert.setString(parameter++, node.slug());
    insert.setString(parameter++, SampleNode.EXCERPT);
    return parameter;
  }

  private static int bindBody(PreparedStatement insert, int first, UUID nodeId)
      throws SQLException {
    int parameter = first;
    insert.setObject(parameter++, nodeId);
    insert.setString(parameter++, SampleNode.LOCALE);
    insert.setInt(parameter++, 0);
    insert.setString(parameter++, SampleNode.BODY);
    return parameter;
  }

  private void bindEvent(PreparedStatement insert, int first, UUID eventId, NewNode node)
      throws SQLException {
    UUID nodeId = node.nodeId();
    String title = node.title();
    String slug = node.slug();
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
            + SampleNode.correlationId(node.client(), node.sequence())
            + "\",\"causationId\":null,\"traceparent\":null,\"occurredAt\":\""
            + node.now()
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
    int parameter = first;
    insert.setObject(parameter++, eventId);
    insert.setString(parameter++, payload);
    insert.setString(parameter++, NODE_CREATED.name());
    insert.setInt(parameter++, NODE_CREATED.version());
    insert.setString(parameter++, "pending");
    insert.setInt(parameter, 0);
  }
}
