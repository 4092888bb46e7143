package io.rustok.core.adapters.jooq;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep4;
import org.jooq.InsertValuesStep7;
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

  @Override
  public void insert(Node node) {
    Require.notNull(node, "node");
    String metadata = checkedMetadata(node);
    unitOfWork.execute(
        () -> {
          DSLContext dsl = unitOfWork.dsl();
          try {
            dsl.insertInto(Nodes.TABLE)
                .set(Nodes.ID, node.id().value())
                .set(Nodes.TENANT_ID, node.tenantId().value())
                .set(Nodes.KIND, node.kind().value())
                .set(Nodes.STATUS, node.status().wireName())
                .set(Nodes.AUTHOR_ID, node.authorId().map(ActorId::value).orElse(null))
                .set(Nodes.PARENT_ID, node.parentId().map(NodeId::value).orElse(null))
                .set(Nodes.POSITION, node.position())
                .set(Nodes.METADATA, JSONB.valueOf(metadata))
                .set(Nodes.VERSION, node.version())
                .set(Nodes.CREATED_AT, storable(node.createdAt()))
                .set(Nodes.UPDATED_AT, storable(node.updatedAt()))
                .set(Nodes.PUBLISHED_AT, node.publishedAt().map(Schema::storable).orElse(null))
                .execute();
            insertChildren(dsl, node);
          } catch (DataAccessException e) {
            throw UniqueViolations.translate(e, CLASHES);
          }
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
            insertChildren(dsl, node);
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

  private static void insertChildren(DSLContext dsl, Node node) {
    UUID nodeId = node.id().value();
    InsertValuesStep7<Record, UUID, UUID, String, Integer, String, String, String> translations =
        dsl.insertInto(
            NodeTranslations.TABLE,
            NodeTranslations.NODE_ID,
            NodeTranslations.TENANT_ID,
            NodeTranslations.LOCALE,
            NodeTranslations.POSITION,
            NodeTranslations.TITLE,
            NodeTranslations.SLUG,
            NodeTranslations.EXCERPT);
    List<Translation> nodeTranslations = node.translations();
    for (int position = 0; position < nodeTranslations.size(); position++) {
      Translation translation = nodeTranslations.get(position);
      translations =
          translations.values(
              nodeId,
              node.tenantId().value(),
              translation.locale().value(),
              position,
              translation.title(),
              translation.slug().value(),
              translation.excerpt().orElse(null));
    }
    translations.execute();

    if (node.bodies().isEmpty()) {
      return;
    }
    InsertValuesStep4<Record, UUID, String, Integer, String> bodies =
        dsl.insertInto(
            NodeBodies.TABLE,
            NodeBodies.NODE_ID,
            NodeBodies.LOCALE,
            NodeBodies.POSITION,
            NodeBodies.BODY);
    List<Body> nodeBodies = node.bodies();
    for (int position = 0; position < nodeBodies.size(); position++) {
      Body body = nodeBodies.get(position);
      bodies = bodies.values(nodeId, body.locale().value(), position, body.text());
    }
    bodies.execute();
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
