package io.rustok.core.testing;

import io.rustok.core.domain.content.Body;
import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.content.Translation;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builder of valid {@link Node}s. By default: a unique id, a random tenant id that no stored tenant
 * has (call {@link #inTenant} for a stored one), kind {@code post}, draft, no author or parent,
 * position 0, no metadata, one {@code en} translation from {@link TranslationBuilder}, no body,
 * version 1, created and updated at {@link MutableClock#DEFAULT_START}.
 */
public final class NodeBuilder {
  private NodeId id = Unique.nodeId();
  private TenantId tenantId = Unique.tenantId();
  private NodeKind kind = NodeKind.POST;
  private Optional<ActorId> authorId = Optional.empty();
  private Optional<NodeId> parentId = Optional.empty();
  private int position;
  private Map<String, Object> metadata = Map.of();
  private List<Translation> translations = List.of(TranslationBuilder.aTranslation().build());
  private List<Body> bodies = List.of();
  private long version = 1;
  private Instant createdAt = MutableClock.DEFAULT_START;
  private Instant updatedAt = MutableClock.DEFAULT_START;
  private Optional<Instant> publishedAt = Optional.empty();

  private NodeBuilder() {}

  public static NodeBuilder aNode() {
    return new NodeBuilder();
  }

  /**
   * Returns a builder that starts from every field of {@code node}. Call {@link #nextVersion} to
   * build the change that an update stores.
   */
  public static NodeBuilder from(Node node) {
    NodeBuilder builder = new NodeBuilder();
    builder.id = node.id();
    builder.tenantId = node.tenantId();
    builder.kind = node.kind();
    builder.authorId = node.authorId();
    builder.parentId = node.parentId();
    builder.position = node.position();
    builder.metadata = node.metadata();
    builder.translations = node.translations();
    builder.bodies = node.bodies();
    builder.version = node.version();
    builder.createdAt = node.createdAt();
    builder.updatedAt = node.updatedAt();
    builder.publishedAt = node.publishedAt();
    return builder;
  }

  public NodeBuilder withId(NodeId id) {
    this.id = id;
    return this;
  }

  public NodeBuilder inTenant(TenantId tenantId) {
    this.tenantId = tenantId;
    return this;
  }

  public NodeBuilder ofKind(NodeKind kind) {
    this.kind = kind;
    return this;
  }

  public NodeBuilder ofKind(String kind) {
    return ofKind(new NodeKind(kind));
  }

  public NodeBuilder byAuthor(ActorId authorId) {
    this.authorId = Optional.of(authorId);
    return this;
  }

  public NodeBuilder withParent(NodeId parentId) {
    this.parentId = Optional.of(parentId);
    return this;
  }

  public NodeBuilder atPosition(int position) {
    this.position = position;
    return this;
  }

  public NodeBuilder withMetadata(Map<String, Object> metadata) {
    this.metadata = metadata;
    return this;
  }

  /** Replaces all translations. */
  public NodeBuilder withTranslations(Translation... translations) {
    this.translations = List.of(translations);
    return this;
  }

  /** Replaces all translations by one {@code en} translation with this slug. */
  public NodeBuilder withSlug(String slug) {
    return withTranslations(TranslationBuilder.aTranslation().withSlug(slug).build());
  }

  /** Replaces all bodies. */
  public NodeBuilder withBodies(Body... bodies) {
    this.bodies = List.of(bodies);
    return this;
  }

  /** Adds or replaces the body of one locale. */
  public NodeBuilder withBody(String locale, String text) {
    LocaleCode code = LocaleCode.of(locale);
    List<Body> changed = new ArrayList<>(bodies);
    changed.removeIf(body -> body.locale().equals(code));
    changed.add(new Body(code, text));
    this.bodies = List.copyOf(changed);
    return this;
  }

  /** Makes the node published at its creation time. */
  public NodeBuilder published() {
    return publishedAt(createdAt);
  }

  public NodeBuilder publishedAt(Instant instant) {
    this.publishedAt = Optional.of(instant);
    return this;
  }

  public NodeBuilder draft() {
    this.publishedAt = Optional.empty();
    return this;
  }

  public NodeBuilder withVersion(long version) {
    this.version = version;
    return this;
  }

  /** Advances the version by one, as every change of {@link Node} does. */
  public NodeBuilder nextVersion() {
    this.version++;
    return this;
  }

  /** Sets both the creation and the update time. */
  public NodeBuilder createdAt(Instant instant) {
    this.createdAt = instant;
    this.updatedAt = instant;
    return this;
  }

  public NodeBuilder updatedAt(Instant instant) {
    this.updatedAt = instant;
    return this;
  }

  /** Returns the node; it is published exactly when a publication time was set. */
  public Node build() {
    NodeStatus status = publishedAt.isPresent() ? NodeStatus.PUBLISHED : NodeStatus.DRAFT;
    return new Node(
        id,
        tenantId,
        kind,
        status,
        authorId,
        parentId,
        position,
        metadata,
        translations,
        bodies,
        version,
        createdAt,
        updatedAt,
        publishedAt);
  }
}
