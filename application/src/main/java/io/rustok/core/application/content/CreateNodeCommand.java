package io.rustok.core.application.content;

import io.rustok.core.domain.content.Body;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creates a node in a tenant, with at least one translation. */
public record CreateNodeCommand(
    TenantId tenantId,
    NodeKind kind,
    NodeStatus status,
    Optional<NodeId> parentId,
    int position,
    Map<String, Object> metadata,
    List<TranslationInput> translations,
    List<Body> bodies) {
  public CreateNodeCommand {
    Require.notNull(tenantId, "tenantId");
    Require.present(kind, "kind");
    Require.present(status, "status");
    Require.notNull(parentId, "parentId");
    Require.present(metadata, "metadata");
    Require.present(translations, "translations");
    Require.that(!translations.isEmpty(), "translations", "must have at least one entry");
    Require.present(bodies, "bodies");
    translations = List.copyOf(translations);
    bodies = List.copyOf(bodies);
  }
}
