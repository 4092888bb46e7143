package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.TenantCreated;
import io.rustok.core.domain.outbox.ClaimedEvent;
import io.rustok.core.domain.tenancy.Tenant;
import io.rustok.core.testing.postgres.PostgresExtension;
import java.time.Duration;
import java.util.List;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Migration V2 on an outbox that V1-era code filled. */
class OutboxMigrationIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.empty();

  private final JsonEnvelopeCodec codec = new JsonEnvelopeCodec();

  @Test
  void versionTwoFillsColumnsAndStoreClaimsRows() {
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
    List<ClaimedEvent> claimed = store.claim(10, Duration.ofMinutes(1));

    assertThat(claimed)
        .extracting(event -> event.envelope().orElseThrow())
        .containsExactlyInAnyOrder(nodeCreated, tenantCreated);
    assertThat(store.markDispatched(claimed)).isEqualTo(2);
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
