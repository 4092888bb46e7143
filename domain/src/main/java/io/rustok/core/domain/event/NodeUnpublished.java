package io.rustok.core.domain.event;

import io.rustok.core.domain.content.NodeId;

/** A published node went back to draft. */
@EventSchema(type = "node.unpublished", version = 1)
public record NodeUnpublished(NodeId nodeId) implements NodeEvent {}
