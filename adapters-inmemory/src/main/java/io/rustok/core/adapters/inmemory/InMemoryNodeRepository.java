package io.rustok.core.adapters.inmemory;

import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodePage;
import io.rustok.core.domain.content.NodeQuery;
import io.rustok.core.domain.content.NodeRepository;
import io.rustok.core.domain.content.Translation;
import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Nodes in memory, with a per-tenant index ordered by id for listing and an index of translation
 * slugs per tenant and locale. Writes join the current unit of work of the shared {@link
 * InMemoryUnitOfWork}; a write with no unit active runs in a unit of its own.
 *
 * <p>Node ids are unique across tenants: inserting a node whose id is already stored, in any
 * tenant, throws {@link DuplicateException} with field {@code id}, as a primary key would.
 */
public final class InMemoryNodeRepository implements NodeRepository {
  private final InMemoryUnitOfWork unitOfWork;
  private final Map<NodeId, Node> byId = new HashMap<>();
  private final Map<TenantId, NavigableMap<UUID, Node>> byTenant = new HashMap<>();
  private final Map<SlugKey, NodeId> idBySlug = new HashMap<>();

  public InMemoryNodeRepository(InMemoryUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void insert(Node node) {
    Objects.requireNonNull(node, "node");
    unitOfWork.write(
        () -> {
          if (byId.containsKey(node.id())) {
            throw new DuplicateException("id", "node " + node.id() + " already exists");
          }
          requireUniqueSlugs(node);
          replace(null, node);
          unitOfWork.recordUndo(() -> replace(node, null));
          return null;
        });
  }

  @Override
  public boolean update(Node node) {
    Objects.requireNonNull(node, "node");
    return unitOfWork.write(
        () -> {
          Node stored = storedInTenant(node.tenantId(), node.id());
          if (stored == null || stored.version() != node.version() - 1) {
            return false;
          }
          requireUniqueSlugs(node);
          replace(stored, node);
          unitOfWork.recordUndo(() -> replace(node, stored));
          return true;
        });
  }

  @Override
  public Optional<Node> find(TenantId tenantId, NodeId id) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(id, "id");
    return unitOfWork.read(() -> Optional.ofNullable(storedInTenant(tenantId, id)));
  }

  @Override
  public NodePage list(NodeQuery query) {
    Objects.requireNonNull(query, "query");
    return unitOfWork.read(() -> page(query));
  }

  @Override
  public boolean delete(TenantId tenantId, NodeId id, long expectedVersion) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(id, "id");
    return unitOfWork.write(
        () -> {
          Node stored = storedInTenant(tenantId, id);
          if (stored == null || stored.version() != expectedVersion) {
            return false;
          }
          replace(stored, null);
          unitOfWork.recordUndo(() -> replace(null, stored));
          return true;
        });
  }

  private Node storedInTenant(TenantId tenantId, NodeId id) {
    Node stored = byId.get(id);
    return stored != null && stored.tenantId().equals(tenantId) ? stored : null;
  }

  /** Walks the tenant's nodes from newest to oldest, reading one node past the page. */
  private NodePage page(NodeQuery query) {
    NavigableMap<UUID, Node> nodes = byTenant.getOrDefault(query.tenantId(), emptyIndex());
    NavigableMap<UUID, Node> candidates =
        query.before().map(before -> nodes.headMap(before.value(), false)).orElse(nodes);
    List<Node> items = new ArrayList<>(query.limit());
    boolean more = false;
    for (Node node : candidates.descendingMap().values()) {
      if (!matches(query, node)) {
        continue;
      }
      if (items.size() == query.limit()) {
        more = true;
        break;
      }
      items.add(node);
    }
    Optional<NodeId> next = more ? Optional.of(items.getLast().id()) : Optional.empty();
    return new NodePage(items, next);
  }

  private static boolean matches(NodeQuery query, Node node) {
    return query.kind().map(node.kind()::equals).orElse(true)
        && query.status().map(node.status()::equals).orElse(true);
  }

  /** Throws if another node of the same tenant uses one of this node's slugs in the same locale. */
  private void requireUniqueSlugs(Node node) {
    for (Translation translation : node.translations()) {
      NodeId owner = idBySlug.get(SlugKey.of(node.tenantId(), translation));
      if (owner != null && !owner.equals(node.id())) {
        throw new DuplicateException(
            "slug",
            "slug "
                + translation.slug()
                + " is already used in locale "
                + translation.locale()
                + " by another node of this tenant");
      }
    }
  }

  /** Replaces one stored version of a node by another, either of which may be null. */
  private void replace(Node old, Node replacement) {
    if (old != null) {
      byId.remove(old.id());
      byTenant.get(old.tenantId()).remove(old.id().value());
      for (Translation translation : old.translations()) {
        idBySlug.remove(SlugKey.of(old.tenantId(), translation));
      }
    }
    if (replacement != null) {
      byId.put(replacement.id(), replacement);
      byTenant
          .computeIfAbsent(replacement.tenantId(), tenant -> newIndex())
          .put(replacement.id().value(), replacement);
      for (Translation translation : replacement.translations()) {
        idBySlug.put(SlugKey.of(replacement.tenantId(), translation), replacement.id());
      }
    }
  }

  private static NavigableMap<UUID, Node> newIndex() {
    return new TreeMap<>(UnsignedUuidOrder.ASCENDING);
  }

  private static NavigableMap<UUID, Node> emptyIndex() {
    return Collections.emptyNavigableMap();
  }

  private record SlugKey(TenantId tenantId, LocaleCode locale, Slug slug) {
    static SlugKey of(TenantId tenantId, Translation translation) {
      return new SlugKey(tenantId, translation.locale(), translation.slug());
    }
  }
}
