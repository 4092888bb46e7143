package io.rustok.core.adapters.jooq;

import static io.rustok.core.adapters.jooq.Schema.multiRowInsert;
import static io.rustok.core.adapters.jooq.Schema.storable;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.rustok.core.adapters.jooq.Schema.NodeBodies;
import io.rustok.core.adapters.jooq.Schema.NodeTranslations;
import io.rustok.core.adapters.jooq.Schema.Nodes;
import io.rustok.core.adapters.jooq.UniqueViolations.Clash;
import io.rustok.core.domain.content.Body;
import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodePage;
import io.rustok.core.domain.content.NodeQuery;
import io.rustok.core.domain.content.NodeRepository;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.content.Translation;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.TenantId;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Record4;
import org.jooq.Result;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.exception.DataAccessException;

/**
 * {@link NodeRepository} on the {@code nodes}, {@code node_translations} and {@code node_bodies}
 * tables.
 *
 * <p>Every statement names the tenant, so a node of another tenant is never read, changed or
 * deleted. A node is read with its translations and bodies in one statement (jOOQ's {@code
 * MULTISET}, which PostgreSQL runs as JSON aggregation), so a reader sees one consistent version.
 * An update replaces the translations and bodies: it deletes the stored ones and inserts the new
 * ones in the same transaction. A write runs in the current unit of work, or in a unit of its own
 * when none is active.
 *
 * <p>Timestamps are stored as {@code timestamptz} cut to whole microseconds, and metadata as {@code
 * jsonb}, which keeps neither key order nor Java number types (see {@link MetadataJson}).
 */
public final class JooqNodeRepository implements NodeRepository {
  private static final Map<String, Clash> CLASHES =
      Map.of(
          "nodes_pkey", new Clash("id", "A node with this id already exists"),
          "node_translations_slug_unique",
              new Clash(
                  "slug", "The slug is already used by another node of the tenant in this locale"));

  /*
   * The inserts are fixed SQL on plain JDBC, queued in the unit of work. The rows of a multi-row
   * insert follow the order of the node's lists, and each row stores its index as the position.
   */
  private static final String INSERT_NODE =
      "insert into nodes (id, tenant_id, kind, status, author_id, parent_id, position, metadata,"
          + " version, created_at, updated_at, published_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)";
  private static final String INSERT_TRANSLATIONS =
      "insert into node_translations (node_id, tenant_id, locale, position, title, slug, excerpt)";
  private static final String TRANSLATION_ROW = "(?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_BODIES =
      "insert into node_bodies (node_id, locale, position, body)";
  private static final String BODY_ROW = "(?, ?, ?, ?)";

  private static final Field<Result<Record4<String, String, String, String>>> TRANSLATIONS =
      multiset(
              select(
                      NodeTranslations.LOCALE,
                      NodeTranslations.TITLE,
                      NodeTranslations.SLUG,
                      NodeTranslations.EXCERPT)
                  .from(NodeTranslations.TABLE)
                  .where(NodeTranslations.NODE_ID.eq(Nodes.ID))
                  .orderBy(NodeTranslations.POSITION))
          .as("translations");

  private static final Field<Result<Record2<String, String>>> BODIES =
      multiset(
              select(NodeBodies.LOCALE, NodeBodies.BODY)
                  .from(NodeBodies.TABLE)
                  .where(NodeBodies.NODE_ID.eq(Nodes.ID))
                  .orderBy(NodeBodies.POSITION))
          .as("bodies");

  private static final List<SelectFieldOrAsterisk> NODE_WITH_CHILDREN =
      List.of(
          Nodes.ID,
          Nodes.TENANT_ID,
          Nodes.KIND,
          Nodes.STATUS,
          Nodes.AUTHOR_ID,
          Nodes.PARENT_ID,
          Nodes.POSITION,
          Nodes.METADATA,
          Nodes.VERSION,
          Nodes.CREATED_AT,
          Nodes.UPDATED_AT,
          Nodes.PUBLISHED_AT,
          TRANSLATIONS,
          BODIES);

  private final JooqUnitOfWork unitOfWork;

  public JooqNodeRepository(JooqUnitOfWork unitOfWork) {
    this.unitOfWork = Require.notNull(unitOfWork, "unitOfWork");
  }

  /**
   * {@inheritDoc}
   *
   * <p>The three inserts are queued in the unit of work and reach the server with its next
   * statement or its commit (see {@link JooqUnitOfWork}), so a taken slug is reported from there.
   * Outside a unit the insert runs in a unit of its own and reports it from this call.
   */
  @Override
  public void insert(Node node) {
    Require.notNull(node, "node");
    String metadata = checkedMetadata(node);
    unitOfWork.execute(
        () -> {
          unitOfWork.defer(
              INSERT_NODE,
              (statement, first) -> {
                int parameter = first;
                statement.setObject(parameter++, node.id().value());
                statement.setObject(parameter++, node.tenantId().value());
                statement.setString(parameter++, node.kind().value());
                statement.setString(parameter++, node.status().wireName());
                statement.setObject(
                    parameter++, node.authorId().map(ActorId::value).orElse(null), Types.OTHER);
                statement.setObject(
                    parameter++, node.parentId().map(NodeId::value).orElse(null), Types.OTHER);
                statement.setInt(parameter++, node.position());
                statement.setString(parameter++, metadata);
                statement.setLong(parameter++, node.version());
                statement.setObject(parameter++, timestamptz(node.createdAt()));
                statement.setObject(parameter++, timestamptz(node.updatedAt()));
                statement.setObject(
                    parameter++,
                    node.publishedAt().map(JooqNodeRepository::timestamptz).orElse(null),
                    Types.TIMESTAMP_WITH_TIMEZONE);
                return parameter;
              },
              CLASHES);
          deferChildren(node);
          return null;
        });
  }

  @Override
  public boolean update(Node node) {
    Require.notNull(node, "node");
    String metadata = checkedMetadata(node);
    return unitOfWork.execute(
        () -> {
          DSLContext dsl = unitOfWork.dsl();
          try {
            int updated =
                dsl.update(Nodes.TABLE)
                    .set(Nodes.KIND, node.kind().value())
                    .set(Nodes.STATUS, node.status().wireName())
                    .set(Nodes.AUTHOR_ID, node.authorId().map(ActorId::value).orElse(null))
                    .set(Nodes.PARENT_ID, node.parentId().map(NodeId::value).orElse(null))
                    .set(Nodes.POSITION, node.position())
                    .set(Nodes.METADATA, JSONB.valueOf(metadata))
                    .set(Nodes.VERSION, node.version())
                    .set(Nodes.UPDATED_AT, storable(node.updatedAt()))
                    .set(Nodes.PUBLISHED_AT, node.publishedAt().map(Schema::storable).orElse(null))
                    .where(Nodes.ID.eq(node.id().value()))
                    .and(Nodes.TENANT_ID.eq(node.tenantId().value()))
                    .and(Nodes.VERSION.eq(node.version() - 1))
                    .execute();
            if (updated == 0) {
              return false;
            }
            dsl.deleteFrom(NodeTranslations.TABLE)
                .where(NodeTranslations.NODE_ID.eq(node.id().value()))
                .execute();
            dsl.deleteFrom(NodeBodies.TABLE)
                .where(NodeBodies.NODE_ID.eq(node.id().value()))
                .execute();
            deferChildren(node);
            return true;
          } catch (DataAccessException e) {
            throw UniqueViolations.translate(e, CLASHES);
          }
        });
  }

  @Override
  public Optional<Node> find(TenantId tenantId, NodeId id) {
    Require.notNull(tenantId, "tenantId");
    Require.notNull(id, "id");
    return unitOfWork
        .dsl()
        .select(NODE_WITH_CHILDREN)
        .from(Nodes.TABLE)
        .where(Nodes.TENANT_ID.eq(tenantId.value()))
        .and(Nodes.ID.eq(id.value()))
        .fetchOptional()
        .map(JooqNodeRepository::toNode);
  }

  /**
   * Lists a page newest first. Node ids are UUID version 7, which PostgreSQL orders by their
   * creation time because it compares UUIDs byte by byte; a page is the {@code limit} largest ids
   * below {@code before}.
   */
  @Override
  public NodePage list(NodeQuery query) {
    Require.notNull(query, "query");
    Condition condition = Nodes.TENANT_ID.eq(query.tenantId().value());
    if (query.kind().isPresent()) {
      condition = condition.and(Nodes.KIND.eq(query.kind().get().value()));
    }
    if (query.status().isPresent()) {
      condition = condition.and(Nodes.STATUS.eq(query.status().get().wireName()));
    }
    if (query.before().isPresent()) {
      condition = condition.and(Nodes.ID.lt(query.before().get().value()));
    }
    List<Node> rows =
        unitOfWork
            .dsl()
            .select(NODE_WITH_CHILDREN)
            .from(Nodes.TABLE)
            .where(condition)
            .orderBy(Nodes.ID.desc())
            .limit(query.limit() + 1)
            .fetch(JooqNodeRepository::toNode);
    if (rows.size() <= query.limit()) {
      return new NodePage(rows, Optional.empty());
    }
    List<Node> page = rows.subList(0, query.limit());
    return new NodePage(page, Optional.of(page.getLast().id()));
  }

  @Override
  public boolean delete(TenantId tenantId, NodeId id, long expectedVersion) {
    Require.notNull(tenantId, "tenantId");
    Require.notNull(id, "id");
    int deleted =
        unitOfWork
            .dsl()
            .deleteFrom(Nodes.TABLE)
            .where(Nodes.TENANT_ID.eq(tenantId.value()))
            .and(Nodes.ID.eq(id.value()))
            .and(Nodes.VERSION.eq(expectedVersion))
            .execute();
    return deleted == 1;
  }

  /** Queues the inserts of the node's translations and bodies in the current unit. */
  private void deferChildren(Node node) {
    UUID nodeId = node.id().value();
    UUID tenantId = node.tenantId().value();
    List<Translation> translations = node.translations();
    unitOfWork.defer(
        multiRowInsert(INSERT_TRANSLATIONS, TRANSLATION_ROW, translations.size()),
        (statement, first) -> {
          int parameter = first;
          for (int position = 0; position < translations.size(); position++) {
            Translation translation = translations.get(position);
            statement.setObject(parameter++, nodeId);
            statement.setObject(parameter++, tenantId);
            statement.setString(parameter++, translation.locale().value());
            statement.setInt(parameter++, position);
            statement.setString(parameter++, translation.title());
            statement.setString(parameter++, translation.slug().value());
            statement.setString(parameter++, translation.excerpt().orElse(null));
          }
          return parameter;
        },
        CLASHES);
    List<Body> bodies = node.bodies();
    if (bodies.isEmpty()) {
      return;
    }
    unitOfWork.defer(
        multiRowInsert(INSERT_BODIES, BODY_ROW, bodies.size()),
        (statement, first) -> {
          int parameter = first;
          for (int position = 0; position < bodies.size(); position++) {
            Body body = bodies.get(position);
            statement.setObject(parameter++, nodeId);
            statement.setString(parameter++, body.locale().value());
            statement.setInt(parameter++, position);
            statement.setString(parameter++, body.text());
          }
          return parameter;
        },
        CLASHES);
  }

  private static OffsetDateTime timestamptz(Instant instant) {
    return OffsetDateTime.ofInstant(storable(instant), ZoneOffset.UTC);
  }

  /**
   * Returns the metadata as JSON after checking that every text of the node can be stored, so a
   * write fails before its first statement rather than half-way through.
   */
  private static String checkedMetadata(Node node) {
    for (Translation translation : node.translations()) {
      String locale = translation.locale().value();
      requireStorable(node, "translations[" + locale + "].title", translation.title());
      translation
          .excerpt()
          .ifPresent(
              excerpt -> requireStorable(node, "translations[" + locale + "].excerpt", excerpt));
    }
    for (Body body : node.bodies()) {
      requireStorable(node, "bodies[" + body.locale().value() + "]", body.text());
    }
    String metadata = MetadataJson.write(node.metadata());
    PostgresText.problemInJsonb(metadata)
        .ifPresent(
            problem -> {
              throw unstorable(node, "metadata", problem);
            });
    return metadata;
  }

  private static void requireStorable(Node node, String field, String text) {
    PostgresText.problemInText(text)
        .ifPresent(
            problem -> {
              throw unstorable(node, field, problem);
            });
  }

  private static IllegalArgumentException unstorable(Node node, String field, String problem) {
    return new IllegalArgumentException(
        "Node "
            + node.id()
            + " cannot be stored: "
            + field
            + " contains "
            + problem
            + ", which PostgreSQL cannot store");
  }

  private static Node toNode(Record row) {
    List<Translation> translations = new ArrayList<>();
    for (Record4<String, String, String, String> translation : row.get(TRANSLATIONS)) {
      translations.add(
          new Translation(
              new LocaleCode(translation.value1()),
              translation.value2(),
              new Slug(translation.value3()),
              Optional.ofNullable(translation.value4())));
    }
    List<Body> bodies = new ArrayList<>();
    for (Record2<String, String> body : row.get(BODIES)) {
      bodies.add(new Body(new LocaleCode(body.value1()), body.value2()));
    }
    Instant publishedAt = row.get(Nodes.PUBLISHED_AT);
    return new Node(
        new NodeId(row.get(Nodes.ID)),
        new TenantId(row.get(Nodes.TENANT_ID)),
        new NodeKind(row.get(Nodes.KIND)),
        NodeStatus.parse(row.get(Nodes.STATUS), "status"),
        Optional.ofNullable(row.get(Nodes.AUTHOR_ID)).map(ActorId::new),
        Optional.ofNullable(row.get(Nodes.PARENT_ID)).map(NodeId::new),
        row.get(Nodes.POSITION),
        MetadataJson.read(row.get(Nodes.METADATA).data()),
        translations,
        bodies,
        row.get(Nodes.VERSION),
        row.get(Nodes.CREATED_AT),
        row.get(Nodes.UPDATED_AT),
        Optional.ofNullable(publishedAt));
  }
}
