package io.rustok.core.application.content;

import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.Optional;

/**
 * Names a node to publish, unpublish or delete. With {@code expectedVersion} present the change
 * happens only if the node is still at that version.
 */
public record NodeChangeCommand(TenantId tenantId, NodeId nodeId, Optional<Long> expectedVersion) {
  public NodeChangeCommand {
    Require.notNull(tenantId, "tenantId");
    Require.notNull(nodeId, "nodeId");
    Require.notNull(expectedVersion, "expectedVersion");
  }
}
