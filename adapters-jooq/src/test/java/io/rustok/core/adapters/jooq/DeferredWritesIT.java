package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.content.Node;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.shared.DuplicateException;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.testing.postgres.PostgresExtension;
import io.rustok.core.testing.postgres.StatementCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inserts that {@link JooqUnitOfWork} queues and sends together. */
class DeferredWritesIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();

  private final StatementCounter counter = new StatementCounter();
  private JooqAdapters adapters;
  private TenantId tenant;

  @BeforeEach
  void wireAdapters() {
    adapters = JooqAdapters.using(counter.wrap(db.dataSource()), new JsonEnvelopeCodec());
    Tenant owner = Samples.tenant();
    adapters.tenants().insert(owner);
    tenant = owner.id();
    counter.reset();
  }

  @Test
  void creationSendsOneRequest() {
    Node node = Samples.node(tenant);

    inUnit(
        () -> {
          adapters.nodes().insert(node);
          adapters.outbox().append(List.of(Samples.nodeCreated(node)));
          return null;
        });

    assertThat(counter.requests()).isEqualTo(1);
    assertThat(counter.byTable())
        .containsOnlyKeys("nodes", "node_translations", "node_bodies", "sys_events")
        .allSatisfy((table, statements) -> assertThat(statements).isEqualTo(1));
    assertThat(adapters.nodes().find(tenant, node.id())).contains(node);
  }

  @Test
  void readSendsQueueFirst() {
    Node node = Samples.node(tenant);
    List<Long> requestsBeforeRead = new ArrayList<>();

    Optional<Node> found =
        inUnit(
            () -> {
              adapters.nodes().insert(node);
              requestsBeforeRead.add(counter.requests());
              return adapters.nodes().find(tenant, node.id());
            });

    assertThat(requestsBeforeRead).containsExactly(0L);
    assertThat(found).contains(node);
    assertThat(counter.requests()).isEqualTo(2);
  }

  @Test
  void takenSlugReportedByNextStatement() {
    Node existing = Samples.node(tenant);
    adapters.nodes().insert(existing);
    Node first = Samples.node(tenant);
    Node clash = sameSlugAs(existing);

    assertThatThrownBy(
            () ->
                inUnit(
                    () -> {
                      adapters.nodes().insert(first);
                      adapters.nodes().insert(clash);
                      return adapters.nodes().find(tenant, first.id());
                    }))
        .isInstanceOfSatisfying(
            DuplicateException.class, e -> assertThat(e.field()).isEqualTo("slug"));

    assertThat(adapters.nodes().find(tenant, first.id())).isEmpty();
    assertThat(adapters.nodes().find(tenant, clash.id())).isEmpty();
    assertThat(adapters.nodes().find(tenant, existing.id())).contains(existing);
  }

  @Test
  void caughtInsertFailureRollsBack() {
    Node existing = Samples.node(tenant);
    adapters.nodes().insert(existing);
    Node first = Samples.node(tenant);
    Node clash = sameSlugAs(existing);

    assertThatThrownBy(
            () ->
                inUnit(
                    () -> {
                      adapters.nodes().insert(first);
                      adapters.nodes().insert(clash);
                      try {
                        adapters.nodes().find(tenant, first.id());
                      } catch (DuplicateException expected) {
                        // the work goes on as if the failure did not matter
                      }
                      return null;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("one of its writes failed")
        .hasCauseInstanceOf(DuplicateException.class);

    assertThat(adapters.nodes().find(tenant, first.id())).isEmpty();
    assertThat(adapters.unitOfWork().isActive()).isFalse();
  }

  @Test
  void caughtBinderFailureRollsBack() {
    Node node = Samples.node(tenant);
    IllegalArgumentException binderFailure = new IllegalArgumentException("cannot bind");

    assertThatThrownBy(
            () ->
                inUnit(
                    () -> {
                      adapters.nodes().insert(node);
                      adapters
                          .unitOfWork()
                          .defer(
                              "select 1",
                              (statement, first) -> {
                                throw binderFailure;
                              },
                              Map.of());
                      try {
                        adapters.nodes().find(tenant, node.id());
                      } catch (IllegalArgumentException expected) {
                        // the work goes on as if the failure did not matter
                      }
                      return null;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasCause(binderFailure);

    assertThat(adapters.nodes().find(tenant, node.id())).isEmpty();
  }

  @Test
  void longQueueSentInParts() {
    int nodes = 150;
    List<Node> created = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      created.add(Samples.node(tenant));
    }

    inUnit(
        () -> {
          created.forEach(adapters.nodes()::insert);
          return null;
        });

    int statements = nodes * 3;
    int limit = JooqUnitOfWork.MAX_DEFERRED;
    assertThat(counter.total()).isEqualTo(statements);
    assertThat(counter.requests()).isEqualTo((statements + limit - 1) / limit);
    assertThat(db.dsl().fetchCount(Schema.Nodes.TABLE, Schema.Nodes.TENANT_ID.eq(tenant.value())))
        .isEqualTo(nodes);
    assertThat(adapters.nodes().find(tenant, created.getLast().id())).contains(created.getLast());
  }

  @Test
  void rolledBackUnitSendsNothing() {
    Node node = Samples.node(tenant);

    assertThatThrownBy(
            () ->
                inUnit(
                    () -> {
                      adapters.nodes().insert(node);
                      adapters.outbox().append(List.of(Samples.nodeCreated(node)));
                      throw new IllegalStateException("use case failed");
                    }))
        .hasMessage("use case failed");

    assertThat(counter.requests()).isZero();
    assertThat(adapters.nodes().find(tenant, node.id())).isEmpty();
  }

  @Test
  void appendCopiesTheCallersList() {
    EventEnvelope appendedEvent = Samples.nodeCreated(Samples.node(tenant));
    EventEnvelope laterEvent = Samples.nodeCreated(Samples.node(tenant));
    List<EventEnvelope> envelopes = new ArrayList<>(List.of(appendedEvent));

    inUnit(
        () -> {
          adapters.outbox().append(envelopes);
          envelopes.set(0, laterEvent);
          envelopes.add(laterEvent);
          return null;
        });

    assertThat(adapters.outbox().findEnvelope(appendedEvent.eventId())).contains(appendedEvent);
    assertThat(adapters.outbox().find(laterEvent.eventId())).isEmpty();
  }

  @Test
  void appendOverParameterLimitStoresAll() {
    int parametersPerEvent = 4;
    int chunks =
        JooqUnitOfWork.MAX_PARAMETERS / (parametersPerEvent * JooqOutboxStore.APPEND_CHUNK);
    int count = (chunks + 1) * JooqOutboxStore.APPEND_CHUNK;
    List<EventEnvelope> envelopes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      envelopes.add(Samples.nodeCreated(tenant, "Title " + i));
    }
    int storedBefore = db.dsl().fetchCount(Schema.SysEvents.TABLE);

    inUnit(
        () -> {
          adapters.outbox().append(envelopes);
          return null;
        });

    assertThat(db.dsl().fetchCount(Schema.SysEvents.TABLE) - storedBefore).isEqualTo(count);
    assertThat(counter.requests()).isEqualTo(2);
  }

  /** Runs {@code work} in one unit of work of the adapters under test. */
  private <T> T inUnit(Supplier<T> work) {
    return adapters.unitOfWork().execute(work);
  }

  /** Returns a new node of the tenant with the slug of {@code existing}. */
  private Node sameSlugAs(Node existing) {
    return Samples.node(tenant, existing.translations().getFirst().slug().value());
  }
}
