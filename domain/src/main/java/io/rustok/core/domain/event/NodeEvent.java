package io.rustok.core.domain.event;

import io.rustok.core.domain.content.NodeId;
import java.util.UUID;

/** Event about one content node. */
public sealed interface NodeEvent extends DomainEvent
    permits NodeCreated,
        NodeUpdated,
        NodeTranslationUpdated,
        NodePublished,
        NodeUnpublished,
        NodeDeleted,
        BodyUpdated {
  String AGGREGATE_TYPE = "node";

  NodeId nodeId();

  @Override
  default String aggregateType() {
    return AGGREGATE_TYPE;
  }

  @Override
  default UUID aggregateId() {
    return nodeId().value();
  }
}
