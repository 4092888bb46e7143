package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.application.outbox.RelayOutbox;
import io.rustok.core.application.outbox.RelayRun;
import io.rustok.core.application.outbox.RelaySettings;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.event.TenantCreated;
import io.rustok.core.domain.outbox.OutboxStatus;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.testing.RecordingEventTransport;
import io.rustok.core.testing.postgres.PostgresExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

  private static final EventId GOLDEN_ID =
      EventId.parse("019ae9a1-3c2b-7d41-8e6f-1a2b3c4d5e6f", "id");

  private final EventJsonCodec codec = new EventJsonCodec();

  @Test
  void versionTwoFillsColumnsAndRelayDeliversRows() throws IOException {
    db.migrateTo("1");
    Tenant tenant = Samples.tenant();
    EventEnvelope tenantCreated =
        Samples.envelope(
            tenant.id(),
            new TenantCreated(
                tenant.id(), tenant.slug(), tenant.name(), tenant.hosts(), tenant.locales()));
    insertAsVersionOneDid(GOLDEN_ID, goldenNodeCreatedV1());
    insertAsVersionOneDid(tenantCreated.eventId(), codec.encode(tenantCreated));

    List<String> applied = db.migrate();

    assertThat(applied).containsExactly("2", "3");
    Record nodeRow = columnsOf(GOLDEN_ID);
    assertThat(nodeRow.get("event_type")).isEqualTo("node.created");
    assertThat(nodeRow.get("schema_version")).isEqualTo(1);
    Record tenantRow = columnsOf(tenantCreated.eventId());
    assertThat(tenantRow.get("event_type")).isEqualTo("tenant.created");
    assertThat(tenantRow.get("schema_version")).isEqualTo(1);

    JooqOutboxStore store = JooqAdapters.using(db.dataSource(), codec).outbox();
    RecordingEventTransport transport = new RecordingEventTransport();
    RelayOutbox relay =
        new RelayOutbox(store, transport, RelaySettings.DEFAULTS, new SplittableRandom(7));

    RelayRun run = relay.runOnce();

    assertThat(run).isEqualTo(new RelayRun(2, 2, 0, 0, 0));
    assertThat(transport.deliveredIds())
        .containsExactlyInAnyOrder(GOLDEN_ID, tenantCreated.eventId());
    assertThat(transport.deliveredOfType("tenant.created")).containsExactly(tenantCreated);
    assertThat(transport.deliveredOfType("node.created").getFirst().schemaVersion()).isEqualTo(2);
    assertThat(store.find(GOLDEN_ID).orElseThrow().status()).isEqualTo(OutboxStatus.DISPATCHED);
    assertThat(store.find(tenantCreated.eventId()).orElseThrow().status())
        .isEqualTo(OutboxStatus.DISPATCHED);
    assertThat(relay.runOnce()).isEqualTo(RelayRun.NOTHING);
  }

  private void insertAsVersionOneDid(EventId id, String payload) {
    db.dsl()
        .execute(
            "insert into sys_events (id, payload) values (?::uuid, ?::jsonb)",
            id.value().toString(),
            payload);
  }

  /** Returns the committed {@code node.created} payload that version 1 of the event wrote. */
  private static String goldenNodeCreatedV1() throws IOException {
    try (InputStream in =
        OutboxMigrationIT.class.getResourceAsStream("/golden/node.created.v1.json")) {
      if (in == null) {
        throw new IllegalStateException("no test resource /golden/node.created.v1.json");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Record columnsOf(EventId id) {
    return db.dsl()
        .fetchOne(
            "select event_type, schema_version from sys_events where id = ?::uuid",
            id.value().toString());
  }
}
