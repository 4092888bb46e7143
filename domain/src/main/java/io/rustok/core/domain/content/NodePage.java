package io.rustok.core.domain.content;

import java.util.List;
import java.util.Optional;

/** One page of nodes and the cursor of the next page, which is empty when this page is the last. */
public record NodePage(List<Node> items, Optional<NodeId> next) {
  public NodePage {
    items = List.copyOf(items);
  }
}
