package io.rustok.core.domain.event;

import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.shared.LocaleCode;
import java.util.List;
import java.util.Optional;

/** A node was created, with the translations and body locales it started with. */
@EventSchema(type = "node.created", version = 1)
public record NodeCreated(
    NodeId nodeId,
    NodeKind kind,
    NodeStatus status,
    Optional<NodeId> parentId,
    List<TranslationSummary> translations,
    List<LocaleCode> bodyLocales)
    implements NodeEvent {}
