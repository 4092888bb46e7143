package io.rustok.core.application.content;

import io.rustok.core.domain.content.Body;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes a node the caller read at {@code expectedVersion}. Absent fields stay as they are;
 * translations and bodies are merged by locale, so a locale that is not named keeps its text.
 *
 * @param metadata replaces the whole metadata object when present
 */
public record UpdateNodeCommand(
    TenantId tenantId,
    NodeId nodeId,
    long expectedVersion,
    Optional<Integer> position,
    Optional<Map<String, Object>> metadata,
    List<TranslationInput> translations,
    List<Body> bodies) {
  public UpdateNodeCommand {
    Require.notNull(tenantId, "tenantId");
    Require.notNull(nodeId, "nodeId");
    Require.notNull(position, "position");
    Require.notNull(metadata, "metadata");
    translations = List.copyOf(Require.notNull(translations, "translations"));
    bodies = List.copyOf(Require.notNull(bodies, "bodies"));
  }
}
