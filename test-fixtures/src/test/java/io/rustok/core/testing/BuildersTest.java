package io.rustok.core.testing;

import static io.rustok.core.testing.EnvelopeBuilder.anEnvelope;
import static io.rustok.core.testing.NodeBuilder.aNode;
import static io.rustok.core.testing.TenantBuilder.aTenant;
import static io.rustok.core.testing.TranslationBuilder.aTranslation;
import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.content.Translation;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.TenantCreated;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildersTest {

  @Test
  void tenantDefaultsAreValidAndUnique() {
    Tenant first = aTenant().build();
    Tenant second = aTenant().build();

    assertThat(first.version()).isOne();
    assertThat(first.hosts()).hasSize(1);
    assertThat(first.locales()).containsExactly(LocaleCode.of("en"));
    assertThat(first.createdAt()).isEqualTo(MutableClock.DEFAULT_START);
    assertThat(first.name()).contains(first.slug().value());
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(second.slug()).isNotEqualTo(first.slug());
    assertThat(second.hosts()).doesNotContainAnyElementsOf(first.hosts());
  }

  @Test
  void tenantBuilderSetsEveryField() {
    Tenant tenant =
        aTenant()
            .withSlug("acme")
            .withName("Acme")
            .withHosts("Acme.Example.", "www.acme.example")
            .withLocales("en", "pt-br")
            .withVersion(3)
            .build();

    assertThat(tenant.slug().value()).isEqualTo("acme");
    assertThat(tenant.name()).isEqualTo("Acme");
    assertThat(tenant.hosts())
        .containsExactly(new HostName("acme.example"), new HostName("www.acme.example"));
    assertThat(tenant.locales()).containsExactly(LocaleCode.of("en"), LocaleCode.of("pt-BR"));
    assertThat(tenant.version()).isEqualTo(3);
  }

  @Test
  void tenantFromCopiesAndNextVersionAdvances() {
    Tenant tenant = aTenant().build();

    Tenant copy = TenantBuilder.from(tenant).build();
    Tenant next = TenantBuilder.from(tenant).withName("Next").nextVersion().build();

    assertThat(copy).isEqualTo(tenant);
    assertThat(next.version()).isEqualTo(2);
    assertThat(next.id()).isEqualTo(tenant.id());
    assertThat(next.slug()).isEqualTo(tenant.slug());
  }

  @Test
  void translationDefaultsAreValid() {
    Translation translation = aTranslation().build();

    assertThat(translation.locale()).isEqualTo(LocaleCode.of("en"));
    assertThat(translation.title()).contains(translation.slug().value());
    assertThat(translation.excerpt()).isEmpty();
  }

  @Test
  void nodeDefaultsAreValidDraftPost() {
    Node node = aNode().build();

    assertThat(node.kind()).isEqualTo(NodeKind.POST);
    assertThat(node.status()).isEqualTo(NodeStatus.DRAFT);
    assertThat(node.publishedAt()).isEmpty();
    assertThat(node.translations()).hasSize(1);
    assertThat(node.bodies()).isEmpty();
    assertThat(node.version()).isOne();
  }

  @Test
  void publishedNodeIsPublishedAtCreation() {
    Node node = aNode().published().build();

    assertThat(node.status()).isEqualTo(NodeStatus.PUBLISHED);
    assertThat(node.publishedAt()).contains(node.createdAt());
  }

  @Test
  void withBodyReplacesBodyOfSameLocale() {
    Node node =
        aNode().withBody("en", "first").withBody("de", "erste").withBody("en", "second").build();

    assertThat(node.body(LocaleCode.of("en")).orElseThrow().text()).isEqualTo("second");
    assertThat(node.body(LocaleCode.of("de")).orElseThrow().text()).isEqualTo("erste");
    assertThat(node.bodies()).hasSize(2);
  }

  @Test
  void nodeFromCopiesAndNextVersionAdvances() {
    TenantId tenant = Unique.tenantId();
    Node node = aNode().inTenant(tenant).ofKind("page").withSlug("about").published().build();

    Node copy = NodeBuilder.from(node).build();
    Node next = NodeBuilder.from(node).draft().nextVersion().build();

    assertThat(copy).isEqualTo(node);
    assertThat(next.version()).isEqualTo(2);
    assertThat(next.status()).isEqualTo(NodeStatus.DRAFT);
    assertThat(next.tenantId()).isEqualTo(tenant);
    assertThat(next.translations().getFirst().slug().value()).isEqualTo("about");
  }

  @Test
  void envelopeDefaultsAreConsistent() {
    EventEnvelope envelope = anEnvelope().build();

    assertThat(envelope.eventType()).isEqualTo("node.updated");
    assertThat(envelope.schemaVersion()).isOne();
    assertThat(envelope.aggregateType()).isEqualTo("node");
    assertThat(envelope.occurredAt()).isEqualTo(MutableClock.DEFAULT_START);
    assertThat(envelope.eventId().value().version()).isEqualTo(7);
  }

  @Test
  void envelopeTakesAggregateFromEvent() {
    NodeId node = Unique.nodeId();
    Tenant tenant = aTenant().build();

    EventEnvelope aboutNode = anEnvelope().aboutNode(node).build();
    EventEnvelope aboutTenant =
        anEnvelope()
            .inTenant(tenant.id())
            .withEvent(
                new TenantCreated(
                    tenant.id(), tenant.slug(), tenant.name(), tenant.hosts(), List.of()))
            .build();

    assertThat(aboutNode.aggregateId()).isEqualTo(node.value());
    assertThat(aboutTenant.eventType()).isEqualTo("tenant.created");
    assertThat(aboutTenant.aggregateId()).isEqualTo(tenant.id().value());
    assertThat(aboutTenant.tenantId()).isEqualTo(tenant.id());
  }
}
