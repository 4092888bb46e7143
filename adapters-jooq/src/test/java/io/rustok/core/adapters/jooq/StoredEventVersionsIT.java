package io.rustok.core.adapters.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rustok.core.application.outbox.RelayOutbox;
import io.rustok.core.application.outbox.RelayRun;
import io.rustok.core.application.outbox.RelaySettings;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.event.NodeCreated;
import io.rustok.core.domain.outbox.OutboxEntry;
import io.rustok.core.domain.outbox.OutboxStatus;
import io.rustok.core.domain.outbox.UnreadableStoredEventException;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.TenantId;
import io.rustok.core.testing.RecordingEventTransport;
import io.rustok.core.testing.postgres.PostgresExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rows stored at older or unknown schema versions, read by the outbox store with the service's JSON
 * codec and delivered by the relay.
 */
class StoredEventVersionsIT {
  @RegisterExtension static final PostgresExtension db = PostgresExtension.migrated();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GOLDEN_NODE_CREATED_V1 = "/golden/node.created.v1.json";
  private static final EventId GOLDEN_ID =
      EventId.parse("019ae9a1-3c2b-7d41-8e6f-1a2b3c4d5e6f", "id");

  private final RecordingEventTransport transport = new RecordingEventTransport();
  private JooqAdapters adapters;
  private RelayOutbox relay;
  private TenantId tenant;

  @BeforeEach
  void emptyOutbox() {
    db.truncateAllTables();
    adapters = JooqAdapters.using(db.dataSource(), new EventJsonCodec());
    relay = new RelayOutbox(adapters.outbox(), transport, RelaySettings.DEFAULTS, new Random(7));
    tenant = Samples.tenantId();
  }

  @Test
  void goldenVersion1RowIsDeliveredAsVersion2() throws IOException {
    insertRow(GOLDEN_ID, golden(), "node.created", 1);

    RelayRun run = relay.runOnce();

    assertThat(run.dispatched()).isEqualTo(1);
    EventEnvelope delivered = transport.delivered().getFirst();
    assertThat(delivered.eventId()).isEqualTo(GOLDEN_ID);
    assertThat(delivered.eventType()).isEqualTo("node.created");
    assertThat(delivered.schemaVersion()).isEqualTo(2);
    NodeCreated event = (NodeCreated) delivered.event();
    assertThat(event.primaryLocale()).isEqualTo(LocaleCode.of("de"));
    assertThat(event.slug()).isEqualTo(Slug.of("hallo-welt"));
    assertThat(event.translations()).hasSize(2);
    OutboxEntry entry = adapters.outbox().find(GOLDEN_ID).orElseThrow();
    assertThat(entry.status()).isEqualTo(OutboxStatus.DISPATCHED);
    assertThat(entry.schemaVersion()).isEqualTo(1);
  }

  @Test
  void findEnvelopeUpcastsStoredVersion1() throws IOException {
    insertRow(GOLDEN_ID, golden(), "node.created", 1);

    EventEnvelope found = adapters.outbox().findEnvelope(GOLDEN_ID).orElseThrow();

    assertThat(found.schemaVersion()).isEqualTo(2);
    assertThat(((NodeCreated) found.event()).primaryLocale()).isEqualTo(LocaleCode.of("de"));
  }

  @Test
  void unknownVersionParkedOthersDelivered() throws IOException {
    EventEnvelope first = append(Samples.nodeCreated(Samples.node(tenant)));
    EventId future = Samples.eventId();
    insertRow(future, withIdAndVersion(future, 7), "node.created", 7);
    insertRow(GOLDEN_ID, golden(), "node.created", 1);
    EventEnvelope last = append(Samples.nodeCreated(Samples.node(tenant)));

    RelayRun run = relay.runOnce();

    assertThat(run.claimed()).isEqualTo(4);
    assertThat(run.dispatched()).isEqualTo(3);
    assertThat(run.deadLettered()).isEqualTo(1);
    assertThat(transport.deliveredIds())
        .containsExactly(first.eventId(), GOLDEN_ID, last.eventId());
    OutboxEntry parked = adapters.outbox().find(future).orElseThrow();
    assertThat(parked.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(parked.lastError())
        .contains(
            "unreadable: schema version 7 of node.created is not supported;"
                + " this code reads versions 1 to 2");
    assertThat(adapters.outbox().stats().dispatched()).isEqualTo(3);
    assertThat(adapters.outbox().stats().pending()).isZero();
  }

  @Test
  void findEnvelopeOfUnknownVersionGivesTheReason() throws IOException {
    EventId future = Samples.eventId();
    insertRow(future, withIdAndVersion(future, 7), "node.created", 7);

    assertThatThrownBy(() -> adapters.outbox().findEnvelope(future))
        .isInstanceOfSatisfying(
            UnreadableStoredEventException.class,
            e -> {
              assertThat(e.eventId()).isEqualTo(future);
              assertThat(e.reason())
                  .startsWith("schema version 7 of node.created is not supported");
            });
  }

  private EventEnvelope append(EventEnvelope envelope) {
    adapters
        .unitOfWork()
        .execute(
            () -> {
              adapters.outbox().append(List.of(envelope));
              return null;
            });
    return envelope;
  }

  private static String golden() throws IOException {
    try (InputStream in = StoredEventVersionsIT.class.getResourceAsStream(GOLDEN_NODE_CREATED_V1)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + GOLDEN_NODE_CREATED_V1);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Returns the golden payload under another event id and schema version. */
  private static String withIdAndVersion(EventId id, int version) throws IOException {
    ObjectNode payload = (ObjectNode) JSON.readTree(golden());
    payload.put("eventId", id.toString());
    payload.put("schemaVersion", version);
    return JSON.writeValueAsString(payload);
  }

  private static void insertRow(EventId id, String payload, String eventType, int schemaVersion) {
    db.dsl()
        .execute(
            "insert into sys_events (id, payload, event_type, schema_version)"
                + " values (?::uuid, ?::jsonb, ?, ?)",
            id.value().toString(),
            payload,
            eventType,
            schemaVersion);
  }
}
