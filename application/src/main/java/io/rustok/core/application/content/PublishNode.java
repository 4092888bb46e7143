package io.rustok.core.application.content;

import io.rustok.core.application.EventPublisher;
import io.rustok.core.application.RequestContext;
import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeRepository;
import io.rustok.core.domain.event.NodePublished;
import io.rustok.core.domain.shared.UnitOfWork;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a draft node and publishes {@code node.published}. Publishing a node that is already
 * published changes nothing and publishes no event, so a client may safely retry.
 */
public final class PublishNode {
  private static final Logger log = LoggerFactory.getLogger(PublishNode.class);

  private final UnitOfWork unitOfWork;
  private final NodeRepository nodes;
  private final EventPublisher events;
  private final Clock clock;

  public PublishNode(
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
          if (current.isPublished()) {
            return current;
          }

          Node published = current.publish(clock.instant());
          ExistingNode.save(nodes, published);
          events.publish(
              context,
              published.tenantId(),
              new NodePublished(published.id(), published.publishedAt().orElseThrow()));

          log.info("Published node id={} tenantId={}", published.id(), published.tenantId());
          return published;
        });
  }
}
