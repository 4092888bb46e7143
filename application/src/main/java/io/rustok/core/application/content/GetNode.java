package io.rustok.core.application.content;

import io.rustok.core.application.NotFoundException;
import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeRepository;
import io.rustok.core.domain.tenancy.TenantId;

/** Reads one node of a tenant; a node of another tenant is not found. */
public final class GetNode {
  private final NodeRepository nodes;

  public GetNode(NodeRepository nodes) {
    this.nodes = nodes;
  }

  public Node execute(TenantId tenantId, NodeId nodeId) {
    return nodes.find(tenantId, nodeId).orElseThrow(() -> new NotFoundException("node", nodeId));
  }
}
