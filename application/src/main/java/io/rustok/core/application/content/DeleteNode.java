package io.rustok.core.application.content;

import io.rustok.core.application.EventPublisher;
import io.rustok.core.application.RequestContext;
import io.rustok.core.application.VersionConflictException;
import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeRepository;
import io.rustok.core.domain.event.NodeDeleted;
import io.rustok.core.domain.shared.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes a node with its translations and bodies and publishes {@code node.deleted}. */
public final class DeleteNode {
  private static final Logger log = LoggerFactory.getLogger(DeleteNode.class);

  private final UnitOfWork unitOfWork;
  private final NodeRepository nodes;
  private final EventPublisher events;

  public DeleteNode(UnitOfWork unitOfWork, NodeRepository nodes, EventPublisher events) {
    this.unitOfWork = unitOfWork;
    this.nodes = nodes;
    this.events = events;
  }

  public void execute(RequestContext context, NodeChangeCommand command) {
    unitOfWork.execute(
        () -> {
          Node current =
              ExistingNode.load(
                  nodes, command.tenantId(), command.nodeId(), command.expectedVersion());

          if (!nodes.delete(current.tenantId(), current.id(), current.version())) {
            throw new VersionConflictException("node " + current.id(), current.version(), 0);
          }
          events.publish(
              context, current.tenantId(), new NodeDeleted(current.id(), current.kind()));
          return null;
        });

    log.info("Deleted node id={} tenantId={}", command.nodeId(), command.tenantId());
  }
}
