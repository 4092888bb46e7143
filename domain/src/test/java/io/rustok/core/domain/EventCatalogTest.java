package io.rustok.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.event.EventType;
import io.rustok.core.domain.event.EventTypes;
import io.rustok.core.domain.event.EventVersion;
import io.rustok.core.domain.event.NodeCreated;
import io.rustok.core.domain.event.NodeUnpublished;
import io.rustok.core.domain.event.TranslationSummary;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.shared.UuidV7;
import io.rustok.core.domain.shared.ValidationException;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventCatalogTest {
  private static final UuidV7 IDS = new UuidV7();

  @Test
  void catalogListsElevenTypesFromTheSealedHierarchy() {
    assertThat(EventTypes.all())
        .extracting(EventType::name)
        .containsExactlyInAnyOrder(
            "node.created",
            "node.updated",
            "node.translation.updated",
            "node.published",
            "node.unpublished",
            "node.deleted",
            "body.updated",
            "tenant.created",
            "tenant.updated",
            "locale.enabled",
            "locale.disabled");
  }

  @Test
  void everyTypeHasOneShapePerVersionFromOne() {
    for (EventType type : EventTypes.all()) {
      List<EventVersion> versions = EventTypes.versionsOf(type.name());

      assertThat(versions)
          .extracting(EventVersion::version)
          .as(type.name())
          .isEqualTo(IntStream.rangeClosed(1, type.version()).boxed().toList());
      assertThat(versions.getLast().shape()).as(type.name()).isEqualTo(type.recordClass());
    }
  }

  @Test
  void nodeCreatedKeepsItsVersion1Shape() {
    List<EventVersion> versions = EventTypes.versionsOf("node.created");

    assertThat(versions)
        .extracting(EventVersion::shape)
        .containsExactly(NodeCreated.Version1.class, NodeCreated.class);
    assertThat(EventTypes.allVersions()).hasSize(EventTypes.all().size() + 1);
  }

  @Test
  void nodeCreatedPrimaryMustBeOneOfItsTranslations() {
    NodeId node = new NodeId(IDS.newId());
    List<TranslationSummary> translations =
        List.of(new TranslationSummary(LocaleCode.of("en"), "Hello", Slug.of("hello")));

    NodeCreated derived =
        new NodeCreated(
            node, NodeKind.POST, NodeStatus.DRAFT, Optional.empty(), translations, List.of());

    assertThat(derived.primaryLocale()).isEqualTo(LocaleCode.of("en"));
    assertThat(derived.slug()).isEqualTo(Slug.of("hello"));
    assertThatThrownBy(
            () ->
                new NodeCreated(
                    node,
                    NodeKind.POST,
                    NodeStatus.DRAFT,
                    Optional.empty(),
                    LocaleCode.of("de"),
                    Slug.of("hello"),
                    translations,
                    List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("primaryLocale");
  }

  @Test
  void wrapTakesTypeVersionAndAggregateFromTheEvent() {
    NodeId node = new NodeId(IDS.newId());

    EventEnvelope envelope = envelope(new NodeUnpublished(node));

    assertThat(envelope.eventType()).isEqualTo("node.unpublished");
    assertThat(envelope.schemaVersion()).isEqualTo(1);
    assertThat(envelope.aggregateType()).isEqualTo("node");
    assertThat(envelope.aggregateId()).isEqualTo(node.value());
  }

  @Test
  void envelopeThatDisagreesWithItsEventIsRejected() {
    EventEnvelope valid = envelope(new NodeUnpublished(new NodeId(IDS.newId())));

    assertThatThrownBy(() -> copyWithType(valid, "node.published", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> copyWithType(valid, "node.unpublished", 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static EventEnvelope envelope(NodeUnpublished event) {
    return EventEnvelope.wrap(
        new EventId(IDS.newId()),
        new TenantId(IDS.newId()),
        Optional.empty(),
        new CorrelationId("c"),
        Optional.empty(),
        Optional.empty(),
        Instant.now(),
        event);
  }

  private static EventEnvelope copyWithType(EventEnvelope e, String type, int version) {
    return new EventEnvelope(
        e.eventId(),
        type,
        version,
        e.tenantId(),
        e.actorId(),
        e.correlationId(),
        e.causationId(),
        e.traceParent(),
        e.occurredAt(),
        e.aggregateType(),
        e.aggregateId(),
        e.event());
  }
}
