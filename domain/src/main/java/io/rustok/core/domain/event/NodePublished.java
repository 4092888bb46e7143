package io.rustok.core.domain.event;

import io.rustok.core.domain.content.NodeId;
import java.time.Instant;

/** A draft node was published. */
@EventSchema(type = "node.published", version = 1)
public record NodePublished(NodeId nodeId, Instant publishedAt) implements NodeEvent {}
