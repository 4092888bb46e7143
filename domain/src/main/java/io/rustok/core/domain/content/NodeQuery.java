package io.rustok.core.domain.content;

import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.Optional;

/**
 * One page of a tenant's nodes, newest first. Pages are keyset-paginated: {@code before} is the id
 * of the last node of the previous page, and the page holds only nodes created before it, so
 * inserts between two requests neither repeat nor skip nodes.
 */
public record NodeQuery(
    TenantId tenantId,
    Optional<NodeKind> kind,
    Optional<NodeStatus> status,
    Optional<NodeId> before,
    int limit) {
  public static final int MAX_LIMIT = 200;

  public NodeQuery {
    Require.notNull(tenantId, "tenantId");
    Require.notNull(kind, "kind");
    Require.notNull(status, "status");
    Require.notNull(before, "before");
    Require.that(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT);
  }
}
