package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.table;

import io.rustok.core.application.EventPublisher;
import io.rustok.core.application.RequestContext;
import io.rustok.core.application.content.CreateNode;
import io.rustok.core.application.content.CreateNodeCommand;
import io.rustok.core.application.content.TranslationInput;
import io.rustok.core.application.outbox.RelayOutbox;
import io.rustok.core.application.outbox.RelayRun;
import io.rustok.core.application.outbox.RelaySettings;
import io.rustok.core.domain.content.Body;
import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.NodeCreated;
import io.rustok.core.domain.outbox.OutboxStats;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.UuidV7;
import io.rustok.core.domain.shared.ValidationException;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.testing.RecordingEventTransport;
import io.rustok.core.testing.postgres.PostgresExtension;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The create-node use case on the PostgreSQL adapters, followed by the relay, with text that
 * PostgreSQL cannot store: the use case must leave neither a node nor an event behind, and the
 * relay must go on delivering later events.
 */
class CreateNodeOnPostgresIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();

  private static final LocaleCode EN = LocaleCode.of("en");
  private static final String NUL = "\u0000";

  private final RecordingEventTransport transport = new RecordingEventTransport();
  private JooqAdapters adapters;
  private CreateNode createNode;
  private RelayOutbox relay;
  private TenantId tenant;

  @BeforeEach
  void wireUseCaseAndRelay() {
    db.truncateAllTables();
    adapters = JooqAdapters.using(db.dataSource(), new EventJsonCodec());
    Clock clock = Clock.systemUTC();
    UuidV7 ids = new UuidV7(clock);
    EventPublisher events =
        new EventPublisher(adapters.unitOfWork(), adapters.outbox(), ids, clock, () -> {});
    createNode = new CreateNode(adapters.unitOfWork(), adapters.nodes(), events, ids, clock);
    relay =
        new RelayOutbox(
            adapters.outbox(), transport, RelaySettings.DEFAULTS, new SplittableRandom(7));
    Tenant stored = Samples.tenant();
    adapters.tenants().insert(stored);
    tenant = stored.id();
  }

  @Test
  void titleWithNulLeavesNothingBehind() {
    CreateNodeCommand broken = command("Broken" + NUL + "title", Optional.empty(), "Body");

    assertThatThrownBy(() -> createNode.execute(RequestContext.system(), broken))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("title")
        .hasMessageContaining("control characters");

    assertNothingStored();
    assertLaterNodeIsDelivered();
  }

  @ParameterizedTest(name = "NUL in the {0}")
  @ValueSource(strings = {"excerpt", "body"})
  void otherTextWithNulLeavesNothingBehind(String field) {
    CreateNodeCommand broken =
        switch (field) {
          case "excerpt" -> command("Title", Optional.of("Short" + NUL), "Body");
          case "body" -> command("Title", Optional.empty(), "Body" + NUL);
          default -> throw new IllegalArgumentException("no case for " + field);
        };

    assertThatThrownBy(() -> createNode.execute(RequestContext.system(), broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");

    assertNothingStored();
    assertLaterNodeIsDelivered();
  }

  private void assertNothingStored() {
    assertThat(db.dsl().fetchCount(table("nodes"))).isZero();
    assertThat(db.dsl().fetchCount(table("node_translations"))).isZero();
    assertThat(db.dsl().fetchCount(table("node_bodies"))).isZero();
    assertThat(db.dsl().fetchCount(table("sys_events"))).isZero();
  }

  /** Creates a valid node and checks that one relay pass delivers its event. */
  private void assertLaterNodeIsDelivered() {
    Node valid =
        createNode.execute(
            RequestContext.system(), command("Valid title", Optional.empty(), "Body"));

    RelayRun run = relay.runOnce();

    assertThat(run).isEqualTo(new RelayRun(1, 1, 0, 0, 0));
    List<EventEnvelope> delivered = transport.delivered();
    assertThat(delivered).hasSize(1);
    assertThat(delivered.getFirst().event())
        .isInstanceOfSatisfying(
            NodeCreated.class, created -> assertThat(created.nodeId()).isEqualTo(valid.id()));
    OutboxStats stats = adapters.outbox().stats();
    assertThat(stats.pending()).isZero();
    assertThat(stats.dispatched()).isOne();
    assertThat(stats.failed()).isZero();
  }

  private CreateNodeCommand command(String title, Optional<String> excerpt, String body) {
    return new CreateNodeCommand(
        tenant,
        NodeKind.POST,
        NodeStatus.DRAFT,
        Optional.empty(),
        0,
        Map.of(),
        List.of(new TranslationInput(EN, title, Optional.empty(), excerpt, "translations[0]")),
        List.of(new Body(EN, body)));
  }
}
