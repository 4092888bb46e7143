package io.rustok.core.domain.event;

import io.rustok.core.domain.content.NodeId;
import java.util.List;

/**
 * A node was changed. {@code changedFields} names what changed: {@code parentId}, {@code position},
 * {@code metadata}, {@code translations.<locale>} or {@code bodies.<locale>}.
 */
@EventSchema(type = "node.updated", version = 1)
public record NodeUpdated(NodeId nodeId, long version, List<String> changedFields)
    implements NodeEvent {}
