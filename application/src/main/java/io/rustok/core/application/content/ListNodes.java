package io.rustok.core.application.content;

import io.rustok.core.domain.content.NodePage;
import io.rustok.core.domain.content.NodeQuery;
import io.rustok.core.domain.content.NodeRepository;

/** Lists a tenant's nodes, newest first, one keyset page at a time. */
public final class ListNodes {
  private final NodeRepository nodes;

  public ListNodes(NodeRepository nodes) {
    this.nodes = nodes;
  }

  public NodePage execute(NodeQuery query) {
    return nodes.list(query);
  }
}
