package io.rustok.core.json;

import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.event.BodyUpdated;
import io.rustok.core.domain.event.DomainEvent;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.event.LocaleDisabled;
import io.rustok.core.domain.event.LocaleEnabled;
import io.rustok.core.domain.event.NodeCreated;
import io.rustok.core.domain.event.NodeDeleted;
import io.rustok.core.domain.event.NodePublished;
import io.rustok.core.domain.event.NodeTranslationUpdated;
import io.rustok.core.domain.event.NodeUnpublished;
import io.rustok.core.domain.event.NodeUpdated;
import io.rustok.core.domain.event.TenantCreated;
import io.rustok.core.domain.event.TenantUpdated;
import io.rustok.core.domain.event.TranslationSummary;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.shared.TraceParent;
import io.rustok.core.domain.shared.UuidV7;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** One event of each type, and envelopes around them, for the codec and schema tests. */
final class SampleEvents {
  private static final UuidV7 IDS = new UuidV7();
  static final TenantId TENANT = new TenantId(IDS.newId());
  static final NodeId NODE = new NodeId(IDS.newId());
  static final LocaleCode EN = LocaleCode.of("en");

  private SampleEvents() {}

  static Stream<DomainEvent> oneEventOfEachType() {
    return Stream.of(
        new NodeCreated(
            NODE,
            NodeKind.POST,
            NodeStatus.DRAFT,
            Optional.of(new NodeId(IDS.newId())),
            List.of(
                new TranslationSummary(EN, "Hello \"world\" ünïcode", Slug.of("hello")),
                new TranslationSummary(LocaleCode.of("pt-BR"), "Olá", Slug.of("ola"))),
            List.of(EN, LocaleCode.of("pt-BR"))),
        new NodeUpdated(NODE, 3, List.of("metadata", "translations.en")),
        new NodeTranslationUpdated(NODE, EN, "Title", Slug.of("title")),
        new NodePublished(NODE, Instant.parse("2026-01-02T03:04:05.123456Z")),
        new NodeUnpublished(NODE),
        new NodeDeleted(NODE, NodeKind.PAGE),
        new BodyUpdated(NODE, EN, 42),
        new TenantCreated(
            TENANT,
            Slug.of("acme"),
            "Acme",
            List.of(HostName.parse("acme.example.com")),
            List.of(EN)),
        new TenantUpdated(TENANT, Slug.of("acme-2"), "Acme Two", List.of()),
        new LocaleEnabled(TENANT, EN),
        new LocaleDisabled(TENANT, EN));
  }

  /** Wraps the event in an envelope with every optional value present. */
  static EventEnvelope envelopeOf(DomainEvent event) {
    return EventEnvelope.wrap(
        new EventId(IDS.newId()),
        TENANT,
        Optional.of(new ActorId(IDS.newId())),
        new CorrelationId("req-123"),
        Optional.of(new EventId(IDS.newId())),
        Optional.of(new TraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")),
        Instant.parse("2026-12-04T10:15:30.123456789Z"),
        event);
  }

  /** Wraps the event in an envelope with no actor, cause or trace. */
  static EventEnvelope bareEnvelopeOf(DomainEvent event) {
    return EventEnvelope.wrap(
        new EventId(IDS.newId()),
        TENANT,
        Optional.empty(),
        new CorrelationId("c-1"),
        Optional.empty(),
        Optional.empty(),
        Instant.parse("2026-01-02T03:04:05Z"),
        event);
  }
}
