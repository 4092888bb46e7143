package io.rustok.core.adapters.jooq;

import io.rustok.core.domain.content.Body;
import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.content.Translation;
import io.rustok.core.domain.event.DomainEvent;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.event.NodeCreated;
import io.rustok.core.domain.event.TranslationSummary;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.shared.TraceParent;
import io.rustok.core.domain.shared.UuidV7;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Valid tenants, nodes and envelopes with unique ids, slugs and host names. */
final class Samples {
  static final Instant CREATED = Instant.parse("2025-03-04T05:06:07.123456Z");
  static final Instant LATER = Instant.parse("2025-03-05T08:09:10.654321Z");
  static final LocaleCode EN = LocaleCode.of("en");
  static final LocaleCode DE = LocaleCode.of("de");

  private static final UuidV7 IDS = new UuidV7();
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private Samples() {}

  static String unique(String prefix) {
    return prefix + "-" + SEQUENCE.incrementAndGet();
  }

  static TenantId tenantId() {
    return new TenantId(IDS.newId());
  }

  static NodeId nodeId() {
    return new NodeId(IDS.newId());
  }

  static EventId eventId() {
    return new EventId(IDS.newId());
  }

  static Tenant tenant() {
    String slug = unique("tenant");
    return new Tenant(
        tenantId(),
        Slug.of(slug),
        "Tenant " + slug,
        List.of(HostName.parse(slug + ".example.com"), HostName.parse("www." + slug + ".test")),
        List.of(EN, DE),
        1,
        CREATED,
        CREATED);
  }

  static Translation translation(LocaleCode locale, String slug) {
    return new Translation(locale, "Title of " + slug, Slug.of(slug), Optional.of("An excerpt"));
  }

  static Node node(TenantId tenantId) {
    return node(tenantId, unique("post"));
  }

  static Node node(TenantId tenantId, String slug) {
    return node(tenantId, nodeId(), NodeKind.POST, List.of(translation(EN, slug)));
  }

  static Node node(TenantId tenantId, NodeId id, NodeKind kind, List<Translation> translations) {
    return new Node(
        id,
        tenantId,
        kind,
        NodeStatus.DRAFT,
        Optional.of(new ActorId(IDS.newId())),
        Optional.empty(),
        0,
        Map.of("featured", true, "tags", List.of("java", "postgres"), "rank", 3),
        translations,
        List.of(new Body(EN, "Hello, world.")),
        1,
        CREATED,
        CREATED,
        Optional.empty());
  }

  static EventEnvelope nodeCreated(Node node) {
    return envelope(
        node.tenantId(),
        new NodeCreated(
            node.id(),
            node.kind(),
            node.status(),
            node.parentId(),
            node.translations().stream()
                .map(t -> new TranslationSummary(t.locale(), t.title(), t.slug()))
                .toList(),
            node.bodies().stream().map(Body::locale).toList()));
  }

  static EventEnvelope nodeCreated(TenantId tenantId, String title) {
    Node node =
        node(
            tenantId,
            nodeId(),
            NodeKind.POST,
            List.of(new Translation(EN, "placeholder", Slug.of(unique("post")), Optional.empty())));
    EventEnvelope plain = nodeCreated(node);
    NodeCreated event = (NodeCreated) plain.event();
    TranslationSummary summary = event.translations().getFirst();
    return envelope(
        tenantId,
        new NodeCreated(
            event.nodeId(),
            event.kind(),
            event.status(),
            event.parentId(),
            List.of(new TranslationSummary(summary.locale(), title, summary.slug())),
            event.bodyLocales()));
  }

  static EventEnvelope envelope(TenantId tenantId, DomainEvent event) {
    return EventEnvelope.wrap(
        eventId(),
        tenantId,
        Optional.of(new ActorId(IDS.newId())),
        new CorrelationId(unique("request")),
        Optional.empty(),
        Optional.of(new TraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")),
        CREATED,
        event);
  }
}
