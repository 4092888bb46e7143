package io.rustok.core.adapters.jooq;

import static io.rustok.core.adapters.jooq.Samples.DE;
import static io.rustok.core.adapters.jooq.Samples.EN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.content.Body;
import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodePage;
import io.rustok.core.domain.content.NodeQuery;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.content.Translation;
import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.testing.postgres.PostgresExtension;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqNodeRepositoryIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();

  private JooqUnitOfWork unitOfWork;
  private JooqNodeRepository nodes;

  @BeforeEach
  void wireAdapters() {
    JooqAdapters adapters = JooqAdapters.using(db.dataSource(), new JsonEnvelopeCodec());
    unitOfWork = adapters.unitOfWork();
    nodes = adapters.nodes();
  }

  @Test
  void insertedNodeIsFoundWithEveryField() {
    TenantId tenant = Samples.tenantId();
    Node node =
        new Node(
            Samples.nodeId(),
            tenant,
            NodeKind.PAGE,
            NodeStatus.PUBLISHED,
            Optional.empty(),
            Optional.of(Samples.nodeId()),
            7,
            Map.of("nested", Map.of("list", List.of(1, "two", false)), "empty", Map.of()),
            List.of(
                Samples.translation(DE, Samples.unique("seite")),
                new Translation(EN, "Page", Slug.of(Samples.unique("page")), Optional.empty())),
            List.of(new Body(DE, "Hallo"), new Body(EN, "Hello")),
            3,
            Samples.CREATED,
            Samples.LATER,
            Optional.of(Samples.LATER));

    nodes.insert(node);

    assertThat(nodes.find(tenant, node.id())).contains(node);
  }

  @Test
  void nodeOfAnotherTenantIsNotFound() {
    Node node = Samples.node(Samples.tenantId());
    nodes.insert(node);

    assertThat(nodes.find(Samples.tenantId(), node.id())).isEmpty();
  }

  @Test
  void updateReplacesTranslationsAndBodies() {
    Node node = Samples.node(Samples.tenantId());
    nodes.insert(node);
    Node revised =
        node.revise(
            Optional.of(Samples.nodeId()),
            2,
            Map.of("rank", 9),
            List.of(Samples.translation(DE, Samples.unique("neu"))),
            List.of(),
            Samples.LATER);

    boolean updated = nodes.update(revised);

    assertThat(updated).isTrue();
    assertThat(nodes.find(node.tenantId(), node.id())).contains(revised);
  }

  @Test
  void staleUpdateIsRejected() {
    Node node = Samples.node(Samples.tenantId());
    nodes.insert(node);
    Node first = node.publish(Samples.LATER);
    Node second =
        node.revise(node.parentId(), 5, Map.of(), node.translations(), List.of(), Samples.LATER);
    nodes.update(first);

    boolean updated = nodes.update(second);

    assertThat(updated).isFalse();
    assertThat(nodes.find(node.tenantId(), node.id())).contains(first);
  }

  @Test
  void updateInAnotherTenantIsRejected() {
    Node node = Samples.node(Samples.tenantId());
    nodes.insert(node);
    Node intruder = Samples.node(Samples.tenantId(), node.id(), NodeKind.POST, node.translations());
    Node intruderUpdate = intruder.publish(Samples.LATER);

    boolean updated = nodes.update(intruderUpdate);

    assertThat(updated).isFalse();
    assertThat(nodes.find(node.tenantId(), node.id())).contains(node);
  }

  @Test
  void deleteNeedsTenantAndVersion() {
    Node node = Samples.node(Samples.tenantId());
    nodes.insert(node);

    boolean otherTenant = nodes.delete(Samples.tenantId(), node.id(), node.version());
    boolean staleVersion = nodes.delete(node.tenantId(), node.id(), node.version() + 1);
    boolean deleted = nodes.delete(node.tenantId(), node.id(), node.version());

    assertThat(otherTenant).isFalse();
    assertThat(staleVersion).isFalse();
    assertThat(deleted).isTrue();
    assertThat(nodes.find(node.tenantId(), node.id())).isEmpty();
    assertThat(
            db.dsl()
                .fetchCount(
                    Schema.NodeTranslations.TABLE,
                    Schema.NodeTranslations.NODE_ID.eq(node.id().value())))
        .isZero();
  }

  @Test
  void duplicateSlugReportsSlugField() {
    TenantId tenant = Samples.tenantId();
    Node owner = Samples.node(tenant);
    nodes.insert(owner);
    Node clash = Samples.node(tenant, owner.translations().getFirst().slug().value());

    assertThatThrownBy(() -> nodes.insert(clash))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("slug"));

    assertThat(nodes.find(tenant, clash.id())).isEmpty();
  }

  @Test
  void slugRepeatsAcrossLocalesAndTenants() {
    TenantId tenant = Samples.tenantId();
    String slug = Samples.unique("shared");
    Node english = Samples.node(tenant, slug);
    Node german =
        Samples.node(
            tenant, Samples.nodeId(), NodeKind.POST, List.of(Samples.translation(DE, slug)));
    Node otherTenant = Samples.node(Samples.tenantId(), slug);

    nodes.insert(english);
    nodes.insert(german);
    nodes.insert(otherTenant);

    assertThat(nodes.find(tenant, german.id())).contains(german);
    assertThat(nodes.find(otherTenant.tenantId(), otherTenant.id())).contains(otherTenant);
  }

  @Test
  void slugMovesBetweenNodesInOneUnit() {
    TenantId tenant = Samples.tenantId();
    Node from = Samples.node(tenant);
    Node to = Samples.node(tenant);
    nodes.insert(from);
    nodes.insert(to);
    Translation moving = from.translations().getFirst();
    Node fromRenamed =
        from.revise(
            from.parentId(),
            0,
            from.metadata(),
            List.of(Samples.translation(EN, Samples.unique("renamed"))),
            from.bodies(),
            Samples.LATER);
    Node toTaking =
        to.revise(to.parentId(), 0, to.metadata(), List.of(moving), to.bodies(), Samples.LATER);

    unitOfWork.execute(
        () -> {
          nodes.update(fromRenamed);
          nodes.update(toTaking);
          return null;
        });

    assertThat(nodes.find(tenant, to.id())).contains(toTaking);
  }

  @Test
  void listPagesNewestFirst() {
    TenantId tenant = Samples.tenantId();
    List<Node> inserted = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Node node = Samples.node(tenant);
      nodes.insert(node);
      inserted.add(0, node);
    }
    nodes.insert(Samples.node(Samples.tenantId()));

    NodePage first = nodes.list(query(tenant, Optional.empty(), 2));
    NodePage second = nodes.list(query(tenant, first.next(), 2));
    NodePage third = nodes.list(query(tenant, second.next(), 2));

    assertThat(first.items()).containsExactlyElementsOf(inserted.subList(0, 2));
    assertThat(first.next()).contains(inserted.get(1).id());
    assertThat(second.items()).containsExactlyElementsOf(inserted.subList(2, 4));
    assertThat(third.items()).containsExactly(inserted.get(4));
    assertThat(third.next()).isEmpty();
  }

  @Test
  void listFiltersByKindAndStatus() {
    TenantId tenant = Samples.tenantId();
    Node draftPost = Samples.node(tenant);
    Node page =
        Samples.node(
            tenant,
            Samples.nodeId(),
            NodeKind.PAGE,
            List.of(Samples.translation(EN, Samples.unique("page"))));
    Node publishedPost = Samples.node(tenant);
    nodes.insert(draftPost);
    nodes.insert(page);
    nodes.insert(publishedPost);
    Node published = publishedPost.publish(Samples.LATER);
    nodes.update(published);

    NodePage posts =
        nodes.list(
            new NodeQuery(
                tenant, Optional.of(NodeKind.POST), Optional.empty(), Optional.empty(), 10));
    NodePage drafts =
        nodes.list(
            new NodeQuery(
                tenant, Optional.empty(), Optional.of(NodeStatus.DRAFT), Optional.empty(), 10));

    assertThat(posts.items()).containsExactly(published, draftPost);
    assertThat(drafts.items()).containsExactly(page, draftPost);
  }

  @Test
  void metadataNumbersComeBackAsDocumented() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("small", 7);
    metadata.put("large", 5_000_000_000L);
    metadata.put("huge", new BigInteger("123456789012345678901234567890"));
    metadata.put("fraction", 1.5);
    metadata.put("nothing", null);
    Node node = withMetadata(Samples.node(Samples.tenantId()), metadata);

    nodes.insert(node);

    Map<String, Object> stored = nodes.find(node.tenantId(), node.id()).orElseThrow().metadata();
    assertThat(stored).isEqualTo(metadata);
    assertThat(stored.get("small")).isInstanceOf(Integer.class);
    assertThat(stored.get("large")).isInstanceOf(Long.class);
    assertThat(stored.get("fraction")).isInstanceOf(Double.class);
  }

  @Test
  void timestampsAreCutToMicroseconds() {
    Instant withNanos = Instant.parse("2025-03-04T05:06:07.123456789Z");
    Node sample = Samples.node(Samples.tenantId());
    Node node =
        new Node(
            sample.id(),
            sample.tenantId(),
            sample.kind(),
            sample.status(),
            sample.authorId(),
            sample.parentId(),
            sample.position(),
            sample.metadata(),
            sample.translations(),
            sample.bodies(),
            1,
            withNanos,
            withNanos,
            Optional.empty());

    nodes.insert(node);

    Node stored = nodes.find(node.tenantId(), node.id()).orElseThrow();
    assertThat(stored.createdAt()).isEqualTo(Instant.parse("2025-03-04T05:06:07.123456Z"));
  }

  @Test
  void unstorableTitleIsRejected() {
    Node sample = Samples.node(Samples.tenantId());
    Node withLoneSurrogate =
        Samples.node(
            sample.tenantId(),
            sample.id(),
            NodeKind.POST,
            List.of(
                new Translation(
                    EN, "Broken \uD800 title", Slug.of(Samples.unique("x")), Optional.empty())));

    assertThatThrownBy(() -> nodes.insert(withLoneSurrogate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("translations[en].title")
        .hasMessageContaining("unpaired UTF-16 surrogate");

    assertThat(nodes.find(sample.tenantId(), sample.id())).isEmpty();
  }

  private static NodeQuery query(TenantId tenant, Optional<NodeId> before, int limit) {
    return new NodeQuery(tenant, Optional.empty(), Optional.empty(), before, limit);
  }

  private static Node withMetadata(Node node, Map<String, Object> metadata) {
    return new Node(
        node.id(),
        node.tenantId(),
        node.kind(),
        node.status(),
        node.authorId(),
        node.parentId(),
        node.position(),
        metadata,
        node.translations(),
        node.bodies(),
        node.version(),
        node.createdAt(),
        node.updatedAt(),
        node.publishedAt());
  }
}
