package io.rustok.core.domain.event;

import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.shared.LocaleCode;

/**
 * A node's body in one locale was added, changed or removed; {@code length} is its new length in
 * characters, 0 when removed.
 */
@EventSchema(type = "body.updated", version = 1)
public record BodyUpdated(NodeId nodeId, LocaleCode locale, int length) implements NodeEvent {}
