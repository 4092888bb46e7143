package io.rustok.core.domain.content;

import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.Optional;

/**
 * Storage of nodes with their translations and bodies. Writes take part in the current unit of
 * work. Every method takes the tenant, and a node of another tenant is never found, changed or
 * deleted.
 *
 * <p>A translation slug is unique per tenant and locale; a write that would repeat one throws
 * {@link DuplicateException} with field {@code slug}.
 */
public interface NodeRepository {
  void insert(Node node);

  /**
   * Replaces the stored node, translations and bodies included, if the stored version is {@code
   * node.version() - 1}.
   *
   * @return false if the node does not exist in its tenant or its stored version differs
   */
  boolean update(Node node);

  Optional<Node> find(TenantId tenantId, NodeId id);

  NodePage list(NodeQuery query);

  /**
   * Deletes the node if its stored version is {@code expectedVersion}.
   *
   * @return false if the node does not exist in the tenant or its stored version differs
   */
  boolean delete(TenantId tenantId, NodeId id, long expectedVersion);
}
