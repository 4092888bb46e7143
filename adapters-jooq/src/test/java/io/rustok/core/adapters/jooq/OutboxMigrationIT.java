package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.application.outbox.RelayOutbox;
import io.rustok.core.application.outbox.RelayRun;
import io.rustok.core.application.outbox.RelaySettings;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.TenantCreated;
import io.rustok.core.domain.outbox.OutboxStatus;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.testing.RecordingEventTransport;
import io.rustok.core.testing.postgres.PostgresExtension;
import java.util.List;
import java.util.SplittableRandom;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Migration V2 on an outbox that V1-era code filled with payloads in the service's JSON format,
 * followed by the relay that delivers those rows.
 */
class OutboxMigrationIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.empty();

  private final EventJsonCodec codec = new EventJsonCodec();

  @Test
  void versionTwoFillsColumnsAndRelayDeliversRows() {
    db.migrateTo("1");
    Tenant tenant = Samples.tenant();
    EventEnvelope nodeCreated = Samples.nodeCreated(Samples.node(tenant.id()));
    EventEnvelope tenantCreated =
        Samples.envelope(
            tenant.id(),
            new TenantCreated(
                tenant.id(), tenant.slug(), tenant.name(), tenant.hosts(), tenant.locales()));
    insertAsVersionOneDid(nodeCreated);
    insertAsVersionOneDid(tenantCreated);

    List<String> applied = db.migrate();

    assertThat(applied).containsExactly("2");
    Record nodeRow = columnsOf(nodeCreated);
    assertThat(nodeRow.get("event_type")).isEqualTo("node.created");
    assertThat(nodeRow.get("schema_version")).isEqualTo(1);
    Record tenantRow = columnsOf(tenantCreated);
    assertThat(tenantRow.get("event_type")).isEqualTo("tenant.created");
    assertThat(tenantRow.get("schema_version")).isEqualTo(1);

    JooqOutboxStore store = JooqAdapters.using(db.dataSource(), codec).outbox();
    RecordingEventTransport transport = new RecordingEventTransport();
    RelayOutbox relay =
        new RelayOutbox(store, transport, RelaySettings.DEFAULTS, new SplittableRandom(7));

    RelayRun run = relay.runOnce();

    assertThat(run).isEqualTo(new RelayRun(2, 2, 0, 0, 0));
    assertThat(transport.delivered()).containsExactlyInAnyOrder(nodeCreated, tenantCreated);
    assertThat(store.find(nodeCreated.eventId()).orElseThrow().status())
        .isEqualTo(OutboxStatus.DISPATCHED);
    assertThat(store.find(tenantCreated.eventId()).orElseThrow().status())
        .isEqualTo(OutboxStatus.DISPATCHED);
    assertThat(relay.runOnce()).isEqualTo(RelayRun.NOTHING);
  }

  private void insertAsVersionOneDid(EventEnvelope envelope) {
    db.dsl()
        .execute(
            "insert into sys_events (id, payload) values (?::uuid, ?::jsonb)",
            envelope.eventId().value().toString(),
            codec.encode(envelope));
  }

  private Record columnsOf(EventEnvelope envelope) {
    return db.dsl()
        .fetchOne(
            "select event_type, schema_version from sys_events where id = ?::uuid",
            envelope.eventId().value().toString());
  }
}
