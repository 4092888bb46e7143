package io.rustok.core.application.content;

import io.rustok.core.application.NotFoundException;
import io.rustok.core.application.VersionConflictException;
import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeRepository;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.Optional;

/** Loading and saving of a node that a change starts from, with the version checks around it. */
final class ExistingNode {
  private ExistingNode() {}

  /**
   * Loads the node, checking the caller's version if one is given.
   *
   * @throws NotFoundException if the tenant has no such node
   * @throws VersionConflictException if the stored version is not {@code expectedVersion}
   */
  static Node load(
      NodeRepository nodes, TenantId tenantId, NodeId nodeId, Optional<Long> expectedVersion) {
    Node node =
        nodes.find(tenantId, nodeId).orElseThrow(() -> new NotFoundException("node", nodeId));
    if (expectedVersion.isPresent() && expectedVersion.get() != node.version()) {
      throw new VersionConflictException("node " + nodeId, expectedVersion.get(), node.version());
    }
    return node;
  }

  /**
   * Stores a changed node, failing if another writer stored a change since {@code node} was read.
   */
  static void save(NodeRepository nodes, Node changed) {
    if (!nodes.update(changed)) {
      long current = nodes.find(changed.tenantId(), changed.id()).map(Node::version).orElse(0L);
      throw new VersionConflictException("node " + changed.id(), changed.version() - 1, current);
    }
  }
}
