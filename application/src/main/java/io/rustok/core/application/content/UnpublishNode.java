package io.rustok.core.application.content;

import io.rustok.core.application.EventPublisher;
import io.rustok.core.application.RequestContext;
import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeRepository;
import io.rustok.core.domain.event.NodeUnpublished;
import io.rustok.core.domain.shared.UnitOfWork;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns a published node to draft and publishes {@code node.unpublished}. Unpublishing a draft
 * changes nothing and publishes no event.
 */
public final class UnpublishNode {
  private static final Logger log = LoggerFactory.getLogger(UnpublishNode.class);

  private final UnitOfWork unitOfWork;
  private final NodeRepository nodes;
  private final EventPublisher events;
  private final Clock clock;

  public UnpublishNode(
      UnitOfWork unitOfWork, NodeRepository nodes, EventPublisher events, Clock clock) {
    this.unitOfWork = unitOfWork;
    this.nodes = nodes;
    this.events = events;
    this.clock = clock;
  }

  public Node execute(RequestContext context, NodeChangeCommand command) {
    return unitOfWork.execute(
        () -> {
          Node current =
              ExistingNode.load(
                  nodes, command.tenantId(), command.nodeId(), command.expectedVersion());
          if (!current.isPublished()) {
            return current;
          }

          Node draft = current.unpublish(clock.instant());
          ExistingNode.save(nodes, draft);
          events.publish(context, draft.tenantId(), new NodeUnpublished(draft.id()));

          log.info("Unpublished node id={} tenantId={}", draft.id(), draft.tenantId());
          return draft;
        });
  }
}
