package io.rustok.core.testing.contract;

import static io.rustok.core.testing.NodeBuilder.aNode;
import static io.rustok.core.testing.TranslationBuilder.aTranslation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodePage;
import io.rustok.core.domain.content.NodeQuery;
import io.rustok.core.domain.content.NodeRepository;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.testing.NodeBuilder;
import io.rustok.core.testing.SequentialIdSource;
import io.rustok.core.testing.Unique;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link NodeRepository}: storage of whole nodes, tenant scoping, uniqueness of
 * translation slugs per tenant and locale, conditional writes, and keyset-paginated listing.
 *
 * <p>Nodes are compared as whole records, so an adapter must give back exactly what it stored:
 * translations and bodies in their order, metadata with its values, and instants to the microsecond
 * (the builders use whole seconds). Where a node has several translations, the tests list them by
 * locale, so an adapter that reads them back in locale order also passes.
 */
public abstract class NodeRepositoryContract extends AdapterContract {

  private NodeRepository nodes() {
    return adapters.nodes();
  }

  @Test
  void insertedNodeIsFoundWithEveryField() {
    TenantId tenant = givenTenant().id();
    Node parent = givenNode(aNode().inTenant(tenant).ofKind(NodeKind.PAGE));
    Node node =
        aNode()
            .inTenant(tenant)
            .ofKind("comment")
            .byAuthor(Unique.actorId())
            .withParent(parent.id())
            .atPosition(3)
            .withMetadata(
                Map.of("colour", "blue", "tags", List.of("a", "b"), "nested", Map.of("k", "v")))
            .withTranslations(
                aTranslation().inLocale("en").withTitle("Hello").withExcerpt("Short").build(),
                aTranslation().inLocale("pt-BR").withTitle("Olá").build())
            .withBody("en", "Body text")
            .withBody("pt-BR", "Texto")
            .published()
            .withVersion(4)
            .build();

    inUnit(() -> nodes().insert(node));

    assertThat(nodes().find(tenant, node.id())).contains(node);
  }

  @Test
  void unknownNodeIsNotFound() {
    TenantId tenant = givenTenant().id();
    givenNode(aNode().inTenant(tenant));

    assertThat(nodes().find(tenant, Unique.nodeId())).isEmpty();
  }

  @Test
  void nodeOfAnotherTenantIsNotFound() {
    TenantId owner = givenTenant().id();
    TenantId stranger = givenTenant().id();
    Node node = givenNode(aNode().inTenant(owner));

    assertThat(nodes().find(stranger, node.id())).isEmpty();
  }

  @Test
  void nodeOfAnotherTenantIsNotUpdated() {
    TenantId owner = givenTenant().id();
    TenantId stranger = givenTenant().id();
    Node node = givenNode(aNode().inTenant(owner));
    Node hijacked =
        NodeBuilder.from(node).inTenant(stranger).withSlug("hijacked").nextVersion().build();

    boolean updated = inUnit(() -> nodes().update(hijacked));

    assertThat(updated).isFalse();
    assertThat(nodes().find(owner, node.id())).contains(node);
    assertThat(nodes().find(stranger, node.id())).isEmpty();
  }

  @Test
  void nodeOfAnotherTenantIsNotDeleted() {
    TenantId owner = givenTenant().id();
    TenantId stranger = givenTenant().id();
    Node node = givenNode(aNode().inTenant(owner));

    boolean deleted = inUnit(() -> nodes().delete(stranger, node.id(), node.version()));

    assertThat(deleted).isFalse();
    assertThat(nodes().find(owner, node.id())).contains(node);
  }

  @Test
  void updateReplacesTranslationsAndBodies() {
    TenantId tenant = givenTenant().id();
    Node node = givenNode(aNode().inTenant(tenant).withBody("en", "Old body"));
    Node changed =
        NodeBuilder.from(node)
            .withTranslations(
                aTranslation().inLocale("de").withTitle("Hallo").build(),
                aTranslation().inLocale("fr").withTitle("Bonjour").build())
            .withBodies()
            .withBody("fr", "Nouveau")
            .withMetadata(Map.of("edited", "yes"))
            .updatedAt(node.updatedAt().plusSeconds(30))
            .nextVersion()
            .build();

    boolean updated = inUnit(() -> nodes().update(changed));

    assertThat(updated).isTrue();
    assertThat(nodes().find(tenant, node.id())).contains(changed);
  }

  @Test
  void updateFromStaleVersionReturnsFalse() {
    TenantId tenant = givenTenant().id();
    Node node = givenNode(aNode().inTenant(tenant));
    Node first =
        NodeBuilder.from(node).withMetadata(Map.of("writer", "first")).nextVersion().build();
    Node second =
        NodeBuilder.from(node).withMetadata(Map.of("writer", "second")).nextVersion().build();

    boolean firstUpdated = inUnit(() -> nodes().update(first));
    boolean secondUpdated = inUnit(() -> nodes().update(second));

    assertThat(firstUpdated).isTrue();
    assertThat(secondUpdated).isFalse();
    assertThat(nodes().find(tenant, node.id())).contains(first);
  }

  @Test
  void updateSkippingVersionReturnsFalse() {
    TenantId tenant = givenTenant().id();
    Node node = givenNode(aNode().inTenant(tenant));
    Node skipped = NodeBuilder.from(node).withVersion(node.version() + 2).build();

    boolean updated = inUnit(() -> nodes().update(skipped));

    assertThat(updated).isFalse();
    assertThat(nodes().find(tenant, node.id())).contains(node);
  }

  @Test
  void updateOfUnknownNodeReturnsFalse() {
    TenantId tenant = givenTenant().id();
    Node never = aNode().inTenant(tenant).withVersion(2).build();

    boolean updated = inUnit(() -> nodes().update(never));

    assertThat(updated).isFalse();
    assertThat(nodes().find(tenant, never.id())).isEmpty();
  }

  @Test
  void deleteWithExpectedVersionRemovesNode() {
    TenantId tenant = givenTenant().id();
    Node node = givenNode(aNode().inTenant(tenant).withVersion(3));

    boolean deleted = inUnit(() -> nodes().delete(tenant, node.id(), 3));

    assertThat(deleted).isTrue();
    assertThat(nodes().find(tenant, node.id())).isEmpty();
    assertThat(list(query(tenant, 10)).items()).isEmpty();
  }

  @Test
  void deleteWithOtherVersionReturnsFalse() {
    TenantId tenant = givenTenant().id();
    Node node = givenNode(aNode().inTenant(tenant).withVersion(3));

    boolean olderDeleted = inUnit(() -> nodes().delete(tenant, node.id(), 2));
    boolean newerDeleted = inUnit(() -> nodes().delete(tenant, node.id(), 4));

    assertThat(olderDeleted).isFalse();
    assertThat(newerDeleted).isFalse();
    assertThat(nodes().find(tenant, node.id())).contains(node);
  }

  @Test
  void deleteOfUnknownNodeReturnsFalse() {
    TenantId tenant = givenTenant().id();

    boolean deleted = inUnit(() -> nodes().delete(tenant, Unique.nodeId(), 1));

    assertThat(deleted).isFalse();
  }

  @Test
  void takenSlugInSameLocaleIsRejected() {
    TenantId tenant = givenTenant().id();
    Node existing = givenNode(aNode().inTenant(tenant));
    Node clash =
        aNode()
            .inTenant(tenant)
            .withTranslations(
                aTranslation().withSlug(existing.translations().getFirst().slug()).build())
            .build();

    assertThatThrownBy(() -> inUnit(() -> nodes().insert(clash)))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("slug"));

    assertThat(nodes().find(tenant, clash.id())).isEmpty();
    assertThat(nodes().find(tenant, existing.id())).contains(existing);
  }

  @Test
  void sameSlugInAnotherLocaleIsAllowed() {
    TenantId tenant = givenTenant().id();
    Node english = givenNode(aNode().inTenant(tenant));
    Node german =
        aNode()
            .inTenant(tenant)
            .withTranslations(
                aTranslation()
                    .inLocale("de")
                    .withSlug(english.translations().getFirst().slug())
                    .build())
            .build();

    inUnit(() -> nodes().insert(german));

    assertThat(nodes().find(tenant, german.id())).contains(german);
  }

  @Test
  void sameSlugInAnotherTenantIsAllowed() {
    Node first = givenNode(aNode().inTenant(givenTenant().id()));
    TenantId otherTenant = givenTenant().id();
    Node second =
        aNode()
            .inTenant(otherTenant)
            .withTranslations(
                aTranslation().withSlug(first.translations().getFirst().slug()).build())
            .build();

    inUnit(() -> nodes().insert(second));

    assertThat(nodes().find(otherTenant, second.id())).contains(second);
  }

  @Test
  void updateToTakenSlugIsRejected() {
    TenantId tenant = givenTenant().id();
    Node existing = givenNode(aNode().inTenant(tenant));
    Node node = givenNode(aNode().inTenant(tenant));
    Node clash =
        NodeBuilder.from(node)
            .withTranslations(
                aTranslation().withSlug(existing.translations().getFirst().slug()).build())
            .nextVersion()
            .build();

    assertThatThrownBy(() -> inUnit(() -> nodes().update(clash)))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("slug"));

    assertThat(nodes().find(tenant, node.id())).contains(node);
  }

  @Test
  void updateKeepingOwnSlugSucceeds() {
    TenantId tenant = givenTenant().id();
    Node node = givenNode(aNode().inTenant(tenant));
    Node changed = NodeBuilder.from(node).withBody("en", "Added body").nextVersion().build();

    boolean updated = inUnit(() -> nodes().update(changed));

    assertThat(updated).isTrue();
    assertThat(nodes().find(tenant, node.id())).contains(changed);
  }

  @Test
  void releasedSlugCanBeReused() {
    TenantId tenant = givenTenant().id();
    Node renamed = givenNode(aNode().inTenant(tenant));
    Node deleted = givenNode(aNode().inTenant(tenant));
    inUnit(
        () -> {
          nodes()
              .update(
                  NodeBuilder.from(renamed).withSlug(Unique.text("renamed")).nextVersion().build());
          nodes().delete(tenant, deleted.id(), deleted.version());
        });
    Node reuser =
        aNode()
            .inTenant(tenant)
            .withTranslations(
                aTranslation()
                    .inLocale("en")
                    .withSlug(renamed.translations().getFirst().slug())
                    .build(),
                aTranslation().inLocale("fr").withSlug(Unique.slug()).build())
            .build();
    Node secondReuser =
        aNode()
            .inTenant(tenant)
            .withTranslations(
                aTranslation().withSlug(deleted.translations().getFirst().slug()).build())
            .build();

    inUnit(
        () -> {
          nodes().insert(reuser);
          nodes().insert(secondReuser);
        });

    assertThat(nodes().find(tenant, reuser.id())).contains(reuser);
    assertThat(nodes().find(tenant, secondReuser.id())).contains(secondReuser);
  }

  @Test
  void listReturnsNewestFirst() {
    TenantId tenant = givenTenant().id();
    List<Node> created = givenNodes(tenant, 3);

    NodePage page = list(query(tenant, 10));

    assertThat(page.items()).containsExactlyElementsOf(created.reversed());
    assertThat(page.next()).isEmpty();
  }

  @Test
  void listPagesWithCursorUntilLastPage() {
    TenantId tenant = givenTenant().id();
    List<Node> created = givenNodes(tenant, 5);

    NodePage first = list(query(tenant, 2));
    NodePage second = list(after(first, query(tenant, 2)));
    NodePage third = list(after(second, query(tenant, 2)));

    assertThat(first.items()).containsExactly(created.get(4), created.get(3));
    assertThat(first.next()).contains(created.get(3).id());
    assertThat(second.items()).containsExactly(created.get(2), created.get(1));
    assertThat(second.next()).contains(created.get(1).id());
    assertThat(third.items()).containsExactly(created.get(0));
    assertThat(third.next()).isEmpty();
  }

  @Test
  void fullLastPageHasNoNextCursor() {
    TenantId tenant = givenTenant().id();
    List<Node> created = givenNodes(tenant, 4);

    NodePage first = list(query(tenant, 2));
    NodePage second = list(after(first, query(tenant, 2)));

    assertThat(second.items()).containsExactly(created.get(1), created.get(0));
    assertThat(second.next()).isEmpty();
  }

  @Test
  void insertsBetweenPagesNeitherRepeatNorSkip() {
    TenantId tenant = givenTenant().id();
    List<Node> created = givenNodes(tenant, 4);
    NodePage first = list(query(tenant, 2));

    Node newer = givenNode(aNode().inTenant(tenant));
    NodePage second = list(after(first, query(tenant, 2)));

    assertThat(first.items()).containsExactly(created.get(3), created.get(2));
    assertThat(second.items()).containsExactly(created.get(1), created.get(0));
    assertThat(list(query(tenant, 1)).items()).containsExactly(newer);
  }

  @Test
  void cursorOfDeletedNodeStillPages() {
    TenantId tenant = givenTenant().id();
    List<Node> created = givenNodes(tenant, 4);
    NodePage first = list(query(tenant, 2));
    Node cursorNode = created.get(2);
    inUnit(() -> nodes().delete(tenant, cursorNode.id(), cursorNode.version()));

    NodePage second = list(after(first, query(tenant, 2)));

    assertThat(second.items()).containsExactly(created.get(1), created.get(0));
  }

  @Test
  void listFiltersByKindAcrossPages() {
    TenantId tenant = givenTenant().id();
    List<Node> created = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      NodeKind kind = i % 2 == 0 ? NodeKind.PAGE : NodeKind.POST;
      created.add(givenNode(aNode().inTenant(tenant).ofKind(kind)));
    }
    NodeQuery pages =
        new NodeQuery(tenant, Optional.of(NodeKind.PAGE), Optional.empty(), Optional.empty(), 2);

    NodePage first = list(pages);
    NodePage second = list(after(first, pages));

    assertThat(first.items()).containsExactly(created.get(4), created.get(2));
    assertThat(first.next()).contains(created.get(2).id());
    assertThat(second.items()).containsExactly(created.get(0));
    assertThat(second.next()).isEmpty();
  }

  @Test
  void listFiltersByStatus() {
    TenantId tenant = givenTenant().id();
    Node draft = givenNode(aNode().inTenant(tenant));
    Node published = givenNode(aNode().inTenant(tenant).published());

    NodePage drafts =
        list(
            new NodeQuery(
                tenant, Optional.empty(), Optional.of(NodeStatus.DRAFT), Optional.empty(), 10));
    NodePage publishedOnly =
        list(
            new NodeQuery(
                tenant, Optional.empty(), Optional.of(NodeStatus.PUBLISHED), Optional.empty(), 10));

    assertThat(drafts.items()).containsExactly(draft);
    assertThat(publishedOnly.items()).containsExactly(published);
  }

  @Test
  void listFiltersByKindAndStatusTogether() {
    TenantId tenant = givenTenant().id();
    givenNode(aNode().inTenant(tenant).ofKind(NodeKind.PAGE));
    Node publishedPage = givenNode(aNode().inTenant(tenant).ofKind(NodeKind.PAGE).published());
    givenNode(aNode().inTenant(tenant).ofKind(NodeKind.POST).published());

    NodePage page =
        list(
            new NodeQuery(
                tenant,
                Optional.of(NodeKind.PAGE),
                Optional.of(NodeStatus.PUBLISHED),
                Optional.empty(),
                10));

    assertThat(page.items()).containsExactly(publishedPage);
    assertThat(page.next()).isEmpty();
  }

  @Test
  void listShowsOnlyNodesOfItsTenant() {
    TenantId tenant = givenTenant().id();
    TenantId other = givenTenant().id();
    Node own = givenNode(aNode().inTenant(tenant));
    givenNode(aNode().inTenant(other));

    NodePage page = list(query(tenant, 10));

    assertThat(page.items()).containsExactly(own);
  }

  @Test
  void listOfTenantWithoutNodesIsEmpty() {
    givenNode(aNode().inTenant(givenTenant().id()));
    TenantId empty = givenTenant().id();

    NodePage page = list(query(empty, 10));

    assertThat(page.items()).isEmpty();
    assertThat(page.next()).isEmpty();
  }

  /**
   * Ids whose timestamps straddle {@code 0x800000000000} ms differ in the top bit: a signed
   * comparison would put the later ids first in ascending order and last when listing newest first.
   */
  @Test
  void listOrdersIdsAsUnsignedNumbers() {
    TenantId tenant = givenTenant().id();
    SequentialIdSource ids = SequentialIdSource.startingAtMillis(0x7FFF_FFFF_FFFEL);
    List<Node> created = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      created.add(aNode().inTenant(tenant).withId(new NodeId(ids.newId())).build());
    }
    inUnit(
        () -> {
          for (int index : new int[] {2, 0, 3, 1}) {
            nodes().insert(created.get(index));
          }
        });

    NodePage first = list(query(tenant, 2));
    NodePage second = list(after(first, query(tenant, 2)));

    assertThat(created.get(2).id().value().getMostSignificantBits()).isNegative();
    assertThat(first.items()).containsExactly(created.get(3), created.get(2));
    assertThat(second.items()).containsExactly(created.get(1), created.get(0));
  }

  private Node givenNode(NodeBuilder builder) {
    Node node = builder.build();
    inUnit(() -> nodes().insert(node));
    return node;
  }

  /** Stores {@code count} nodes one after another, so later ones have larger ids. */
  private List<Node> givenNodes(TenantId tenant, int count) {
    List<Node> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      created.add(givenNode(aNode().inTenant(tenant)));
    }
    return created;
  }

  private NodePage list(NodeQuery query) {
    return nodes().list(query);
  }

  private static NodeQuery query(TenantId tenant, int limit) {
    return new NodeQuery(tenant, Optional.empty(), Optional.empty(), Optional.empty(), limit);
  }

  /** Returns the query for the page after {@code page}, which must have a next cursor. */
  private static NodeQuery after(NodePage page, NodeQuery query) {
    NodeId cursor = page.next().orElseThrow(() -> new AssertionError("page has no next cursor"));
    return new NodeQuery(
        query.tenantId(), query.kind(), query.status(), Optional.of(cursor), query.limit());
  }
}
