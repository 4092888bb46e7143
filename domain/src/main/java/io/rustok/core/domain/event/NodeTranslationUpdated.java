package io.rustok.core.domain.event;

import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;

/** A node's translation in one locale was added or changed. */
@EventSchema(type = "node.translation.updated", version = 1)
public record NodeTranslationUpdated(NodeId nodeId, LocaleCode locale, String title, Slug slug)
    implements NodeEvent {}
