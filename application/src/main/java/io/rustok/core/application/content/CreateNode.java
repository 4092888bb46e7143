package io.rustok.core.application.content;

import io.rustok.core.application.EventPublisher;
import io.rustok.core.application.RequestContext;
import io.rustok.core.domain.content.Body;
import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeRepository;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.content.Translation;
import io.rustok.core.domain.event.NodeCreated;
import io.rustok.core.domain.event.TranslationSummary;
import io.rustok.core.domain.shared.IdSource;
import io.rustok.core.domain.shared.UnitOfWork;
import io.rustok.core.domain.shared.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates a node with its translations and bodies and publishes {@code node.created}. */
public final class CreateNode {
  private static final Logger log = LoggerFactory.getLogger(CreateNode.class);

  private final UnitOfWork unitOfWork;
  private final NodeRepository nodes;
  private final EventPublisher events;
  private final IdSource ids;
  private final Clock clock;

  public CreateNode(
      UnitOfWork unitOfWork,
      NodeRepository nodes,
      EventPublisher events,
      IdSource ids,
      Clock clock) {
    this.unitOfWork = unitOfWork;
    this.nodes = nodes;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
  }

  public Node execute(RequestContext context, CreateNodeCommand command) {
    List<Translation> translations =
        command.translations().stream().map(TranslationInput::toTranslation).toList();
    Instant now = clock.instant();
    Node node =
        new Node(
            new NodeId(ids.newId()),
            command.tenantId(),
            command.kind(),
            command.status(),
            context.actorId(),
            command.parentId(),
            command.position(),
            command.metadata(),
            translations,
            command.bodies(),
            1,
            now,
            now,
            command.status() == NodeStatus.PUBLISHED ? Optional.of(now) : Optional.empty());

    unitOfWork.execute(
        () -> {
          command.parentId().ifPresent(parent -> requireParent(node, parent));
          nodes.insert(node);
          events.publish(context, node.tenantId(), created(node));
          return node;
        });

    log.info("Created node id={} tenantId={} kind={}", node.id(), node.tenantId(), node.kind());
    return node;
  }

  private void requireParent(Node node, NodeId parentId) {
    if (nodes.find(node.tenantId(), parentId).isEmpty()) {
      throw new ValidationException("parentId", "names no node of this tenant");
    }
  }

  private static NodeCreated created(Node node) {
    return new NodeCreated(
        node.id(),
        node.kind(),
        node.status(),
        node.parentId(),
        node.translations().stream()
            .map(t -> new TranslationSummary(t.locale(), t.title(), t.slug()))
            .toList(),
        node.bodies().stream().map(Body::locale).toList());
  }
}
