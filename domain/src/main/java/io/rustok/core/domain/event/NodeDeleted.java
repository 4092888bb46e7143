package io.rustok.core.domain.event;

import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;

/** A node was deleted with its translations and bodies. */
@EventSchema(type = "node.deleted", version = 1)
public record NodeDeleted(NodeId nodeId, NodeKind kind) implements NodeEvent {}
