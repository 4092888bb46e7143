package io.rustok.core.application.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.application.NotFoundException;
import io.rustok.core.application.RequestContext;
import io.rustok.core.application.TestWiring;
import io.rustok.core.application.VersionConflictException;
import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeQuery;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.outbox.EventOutbox;
import io.rustok.core.domain.outbox.OutboxStatus;
import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.testing.Unique;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class NodeUseCasesTest {
  private static final LocaleCode EN = LocaleCode.of("en");

  private final TestWiring wiring = new TestWiring();
  private final TenantId tenant = Unique.tenantId();
  private final RequestContext context = RequestContext.system();
  private final CreateNode createNode =
      new CreateNode(wiring.unitOfWork, wiring.nodes, wiring.publisher(), wiring.ids, wiring.clock);
  private final UpdateNode updateNode =
      new UpdateNode(wiring.unitOfWork, wiring.nodes, wiring.publisher(), wiring.clock);
  private final GetNode getNode = new GetNode(wiring.nodes);

  @Test
  void createStoresNodeAndExactlyOneEvent() {
    Node node = createNode.execute(context, command("Hello World", Optional.empty()));

    assertThat(getNode.execute(tenant, node.id())).isEqualTo(node);
    assertThat(node.translations().getFirst().slug()).isEqualTo(Slug.of("hello-world"));
    assertThat(pendingTypes()).containsExactly("node.created");
  }

  @Test
  void slugConflictLeavesNoSecondNodeAndNoEvent() {
    createNode.execute(context, command("Hello", Optional.of(Slug.of("hello"))));

    assertThatThrownBy(
            () -> createNode.execute(context, command("Other", Optional.of(Slug.of("hello")))))
        .isInstanceOf(DuplicateException.class);

    assertThat(allNodes()).hasSize(1);
    assertThat(pendingTypes()).containsExactly("node.created");
  }

  @Tag("capability")
  @Test
  void failureAfterOutboxAppendLeavesNoNodeAndNoEvent() {
    EventOutbox failingAfterAppend =
        envelopes -> {
          wiring.outbox.append(envelopes);
          throw new IllegalStateException("injected failure after the append");
        };
    CreateNode failing =
        new CreateNode(
            wiring.unitOfWork,
            wiring.nodes,
            wiring.publisher(failingAfterAppend),
            wiring.ids,
            wiring.clock);

    assertThatThrownBy(() -> failing.execute(context, command("Doomed", Optional.empty())))
        .hasMessage("injected failure after the append");

    assertThat(allNodes()).isEmpty();
    assertThat(wiring.outbox.stats().pending()).isZero();
  }

  @Test
  void updateWithStaleVersionIsConflictAndPublishesNothing() {
    Node node = createNode.execute(context, command("Hello", Optional.empty()));
    UpdateNodeCommand stale =
        new UpdateNodeCommand(
            tenant,
            node.id(),
            node.version() + 1,
            Optional.of(5),
            Optional.empty(),
            List.of(),
            List.of());

    assertThatThrownBy(() -> updateNode.execute(context, stale))
        .isInstanceOf(VersionConflictException.class);

    assertThat(getNode.execute(tenant, node.id()).position()).isZero();
    assertThat(pendingTypes()).containsExactly("node.created");
  }

  @Test
  void updatePublishesNodeUpdatedThenDetailEvents() {
    Node node = createNode.execute(context, command("Hello", Optional.empty()));
    UpdateNodeCommand change =
        new UpdateNodeCommand(
            tenant,
            node.id(),
            node.version(),
            Optional.empty(),
            Optional.of(Map.of("featured", true)),
            List.of(
                new TranslationInput(
                    EN, "Hello again", Optional.empty(), Optional.empty(), "translations[0]")),
            List.of());

    Node updated = updateNode.execute(context, change);

    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.metadata()).containsEntry("featured", true);
    assertThat(updated.translation(EN).orElseThrow().slug())
        .as("a retitled translation keeps its slug")
        .isEqualTo(Slug.of("hello"));
    assertThat(pendingTypes())
        .containsExactly("node.created", "node.updated", "node.translation.updated");
  }

  @Test
  void updateThatChangesNothingKeepsVersionAndPublishesNothing() {
    Node node = createNode.execute(context, command("Hello", Optional.empty()));
    UpdateNodeCommand same =
        new UpdateNodeCommand(
            tenant,
            node.id(),
            node.version(),
            Optional.of(0),
            Optional.empty(),
            List.of(),
            List.of());

    Node result = updateNode.execute(context, same);

    assertThat(result.version()).isEqualTo(1);
    assertThat(pendingTypes()).containsExactly("node.created");
  }

  @Test
  void republishingAndUnpublishingDraftChangeNothing() {
    Node node = createNode.execute(context, command("Hello", Optional.empty()));
    PublishNode publish =
        new PublishNode(wiring.unitOfWork, wiring.nodes, wiring.publisher(), wiring.clock);
    UnpublishNode unpublish =
        new UnpublishNode(wiring.unitOfWork, wiring.nodes, wiring.publisher(), wiring.clock);
    NodeChangeCommand change = new NodeChangeCommand(tenant, node.id(), Optional.empty());

    Node draft = unpublish.execute(context, change);
    Node published = publish.execute(context, change);
    Node republished = publish.execute(context, change);

    assertThat(draft).isEqualTo(node);
    assertThat(published.status()).isEqualTo(NodeStatus.PUBLISHED);
    assertThat(published.version()).isEqualTo(2);
    assertThat(republished).isEqualTo(published);
    assertThat(pendingTypes()).containsExactly("node.created", "node.published");
  }

  @Tag("capability")
  @Test
  void nodeOfAnotherTenantIsNotFound() {
    Node node = createNode.execute(context, command("Hello", Optional.empty()));

    assertThatThrownBy(() -> getNode.execute(Unique.tenantId(), node.id()))
        .isInstanceOf(NotFoundException.class);
    PublishNode publish =
        new PublishNode(wiring.unitOfWork, wiring.nodes, wiring.publisher(), wiring.clock);
    assertThatThrownBy(
            () ->
                publish.execute(
                    context, new NodeChangeCommand(Unique.tenantId(), node.id(), Optional.empty())))
        .isInstanceOf(NotFoundException.class);
    assertThat(getNode.execute(tenant, node.id()).status()).isEqualTo(NodeStatus.DRAFT);
  }

  private CreateNodeCommand command(String title, Optional<Slug> slug) {
    return new CreateNodeCommand(
        tenant,
        NodeKind.POST,
        NodeStatus.DRAFT,
        Optional.empty(),
        0,
        Map.of(),
        List.of(new TranslationInput(EN, title, slug, Optional.empty(), "translations[0]")),
        List.of());
  }

  private List<Node> allNodes() {
    return wiring
        .nodes
        .list(new NodeQuery(tenant, Optional.empty(), Optional.empty(), Optional.empty(), 200))
        .items();
  }

  private List<String> pendingTypes() {
    return wiring.outbox.list(OutboxStatus.PENDING, 100, Optional.empty()).reversed().stream()
        .map(entry -> entry.eventType())
        .toList();
  }

  @Test
  void updateWithRepeatedLocaleIsRejected() {
    assertThatThrownBy(
            () ->
                new UpdateNodeCommand(
                    tenant,
                    Unique.nodeId(),
                    1,
                    Optional.empty(),
                    Optional.empty(),
                    List.of(
                        new TranslationInput(EN, "a", Optional.empty(), Optional.empty(), "t[0]"),
                        new TranslationInput(EN, "b", Optional.empty(), Optional.empty(), "t[1]")),
                    List.of()))
        .isInstanceOf(io.rustok.core.domain.shared.ValidationException.class)
        .hasMessageContaining("must not repeat locale en");
  }

  @Test
  void retitlingKeepsSlugAndExcerpt() {
    CreateNodeCommand withExcerpt =
        new CreateNodeCommand(
            tenant,
            NodeKind.POST,
            NodeStatus.DRAFT,
            Optional.empty(),
            0,
            Map.of(),
            List.of(
                new TranslationInput(
                    EN, "Original", Optional.of(Slug.of("my-url")), Optional.of("keep me"), "t")),
            List.of());
    Node node = createNode.execute(context, withExcerpt);

    Node updated =
        updateNode.execute(
            context,
            new UpdateNodeCommand(
                tenant,
                node.id(),
                1,
                Optional.empty(),
                Optional.empty(),
                List.of(
                    new TranslationInput(
                        EN, "Original, fixed", Optional.empty(), Optional.empty(), "t[0]")),
                List.of()));

    assertThat(updated.translation(EN).orElseThrow().slug()).isEqualTo(Slug.of("my-url"));
    assertThat(updated.translation(EN).orElseThrow().excerpt()).contains("keep me");
  }
}
