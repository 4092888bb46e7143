package io.rustok.core.domain.content;

import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A content node (post, page, comment...) owned by one tenant, with a translation per locale and an
 * optional body per locale.
 *
 * <p>Nodes are immutable: every change returns a new node whose {@code version} is one higher.
 * Repositories store a change only if the stored version is the one the change started from, so two
 * writers that read the same version cannot both succeed.
 *
 * @param metadata free-form JSON object: string keys, and values that are null, strings, numbers,
 *     booleans, lists or maps of the same
 * @param translations at least one, at most one per locale
 * @param bodies at most one per locale
 */
public record Node(
    NodeId id,
    TenantId tenantId,
    NodeKind kind,
    NodeStatus status,
    Optional<ActorId> authorId,
    Optional<NodeId> parentId,
    int position,
    Map<String, Object> metadata,
    List<Translation> translations,
    List<Body> bodies,
    long version,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> publishedAt) {
  public static final int MAX_TRANSLATIONS = 64;

  public Node {
    Require.notNull(id, "id");
    Require.notNull(tenantId, "tenantId");
    Require.present(kind, "kind");
    Require.present(status, "status");
    Require.notNull(authorId, "authorId");
    Require.notNull(parentId, "parentId");
    Require.that(!parentId.equals(Optional.of(id)), "parentId", "must not be the node itself");
    Require.that(position >= 0, "position", "must not be negative");
    metadata = Metadata.copyOf(metadata, "metadata");
    translations = List.copyOf(Require.present(translations, "translations"));
    Require.that(!translations.isEmpty(), "translations", "must have at least one entry");
    Require.that(
        translations.size() <= MAX_TRANSLATIONS,
        "translations",
        "must have at most " + MAX_TRANSLATIONS + " entries");
    requireOnePerLocale(translations, Translation::locale, "translations");
    bodies = List.copyOf(Require.present(bodies, "bodies"));
    Require.that(
        bodies.size() <= MAX_TRANSLATIONS,
        "bodies",
        "must have at most " + MAX_TRANSLATIONS + " entries");
    requireOnePerLocale(bodies, Body::locale, "bodies");
    Require.that(version >= 1, "version", "must be at least 1");
    Require.notNull(createdAt, "createdAt");
    Require.notNull(updatedAt, "updatedAt");
    Require.notNull(publishedAt, "publishedAt");
    Require.that(
        (status == NodeStatus.PUBLISHED) == publishedAt.isPresent(),
        "publishedAt",
        "must be set exactly when the node is published");
  }

  private static <T> void requireOnePerLocale(
      List<T> items, Function<T, LocaleCode> locale, String field) {
    Set<LocaleCode> seen = new HashSet<>();
    for (T item : items) {
      Require.that(
          seen.add(locale.apply(item)), field, "must not repeat locale " + locale.apply(item));
    }
  }

  public Optional<Translation> translation(LocaleCode locale) {
    return translations.stream().filter(t -> t.locale().equals(locale)).findFirst();
  }

  public Optional<Body> body(LocaleCode locale) {
    return bodies.stream().filter(b -> b.locale().equals(locale)).findFirst();
  }

  public boolean isPublished() {
    return status == NodeStatus.PUBLISHED;
  }

  /** Returns the published node; publishing a published node is a no-op the caller must avoid. */
  public Node publish(Instant now) {
    return new Node(
        id,
        tenantId,
        kind,
        NodeStatus.PUBLISHED,
        authorId,
        parentId,
        position,
        metadata,
        translations,
        bodies,
        version + 1,
        createdAt,
        now,
        Optional.of(now));
  }

  public Node unpublish(Instant now) {
    return new Node(
        id,
        tenantId,
        kind,
        NodeStatus.DRAFT,
        authorId,
        parentId,
        position,
        metadata,
        translations,
        bodies,
        version + 1,
        createdAt,
        now,
        Optional.empty());
  }

  /** Returns this node with new content fields and its version advanced. */
  public Node revise(
      Optional<NodeId> newParentId,
      int newPosition,
      Map<String, Object> newMetadata,
      List<Translation> newTranslations,
      List<Body> newBodies,
      Instant now) {
    return new Node(
        id,
        tenantId,
        kind,
        status,
        authorId,
        newParentId,
        newPosition,
        newMetadata,
        newTranslations,
        newBodies,
        version + 1,
        createdAt,
        now,
        publishedAt);
  }
}
