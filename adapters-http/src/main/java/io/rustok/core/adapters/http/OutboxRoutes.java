package io.rustok.core.adapters.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.rustok.core.application.outbox.InspectOutbox;
import io.rustok.core.application.outbox.ReplayFailedEvent;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.outbox.OutboxEntry;
import io.rustok.core.domain.outbox.OutboxStats;
import io.rustok.core.domain.outbox.OutboxStatus;
import io.rustok.core.json.CloudEventFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/outbox}: the operator's view of stored events across all tenants, each event as the
 * CloudEvent the relay delivers, and replay of dead-lettered ones.
 *
 * <p>Note that these routes show every tenant's events and the relay's last delivery error, and
 * this adapter has no authentication. Expose them only where operators alone can reach them.
 */
final class OutboxRoutes {
  static final int DEFAULT_LIMIT = 50;

  private final InspectOutbox inspectOutbox;
  private final ReplayFailedEvent replayFailedEvent;
  private final CloudEventFormat cloudEvents;
  private final JsonCodec json;

  OutboxRoutes(
      InspectOutbox inspectOutbox,
      ReplayFailedEvent replayFailedEvent,
      CloudEventFormat cloudEvents,
      JsonCodec json) {
    this.inspectOutbox = inspectOutbox;
    this.replayFailedEvent = replayFailedEvent;
    this.cloudEvents = cloudEvents;
    this.json = json;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/outbox/events", this::list);
    routes.get("/api/outbox/events/{id}", this::get);
    routes.get("/api/outbox/stats", this::stats);
    routes.post("/api/outbox/events/{id}/replay", this::replay);
  }

  private void list(Context ctx) {
    OutboxStatus status =
        RequestParameters.queryText(ctx, "status")
            .map(text -> OutboxStatus.parse(text, "status"))
            .orElse(OutboxStatus.PENDING);
    int limit = RequestParameters.queryInt(ctx, "limit", DEFAULT_LIMIT);
    Optional<EventId> before = RequestParameters.queryCursor(ctx, EventId::parse);

    InspectOutbox.Page page = inspectOutbox.list(status, limit, before);

    json.write(
        ctx,
        200,
        new EntryList(
            page.items().stream().map(EntryView::of).toList(),
            page.next().map(EventId::toString).orElse(null)));
  }

  /** Returns one stored event as the CloudEvent that the relay delivers for it. */
  private void get(Context ctx) {
    EventId id = RequestParameters.pathId(ctx, "event", EventId::parse);

    EventEnvelope envelope = inspectOutbox.envelope(id);

    ctx.status(200)
        .contentType(CloudEventFormat.MEDIA_TYPE)
        .result(cloudEvents.encode(envelope).getBytes(StandardCharsets.UTF_8));
  }

  private void stats(Context ctx) {
    OutboxStats stats = inspectOutbox.stats();

    json.write(ctx, 200, StatsView.of(stats));
  }

  private void replay(Context ctx) {
    EventId id = RequestParameters.pathId(ctx, "failed event", EventId::parse);

    replayFailedEvent.execute(id);

    json.write(ctx, 202, EntryView.of(inspectOutbox.get(id)));
  }

  /**
   * One page of {@code GET /api/outbox/events}, whose {@code nextCursor} is null on the last page.
   */
  record EntryList(List<EntryView> items, String nextCursor) {}

  /** One stored event without its payload, with the relay's latest error as {@code lastError}. */
  record EntryView(
      String id,
      String eventType,
      int schemaVersion,
      String tenantId,
      String aggregateId,
      String status,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant dispatchedAt) {
    static EntryView of(OutboxEntry entry) {
      return new EntryView(
          entry.id().toString(),
          entry.eventType(),
          entry.schemaVersion(),
          entry.tenantId().toString(),
          entry.aggregateId().toString(),
          entry.status().wireName(),
          entry.attempts(),
          entry.lastError().orElse(null),
          entry.createdAt(),
          entry.dispatchedAt().orElse(null));
    }
  }

  /** Counts by status, with {@code oldestPendingAgeSeconds} null when nothing is pending. */
  record StatsView(long pending, long dispatched, long failed, Double oldestPendingAgeSeconds) {
    static StatsView of(OutboxStats stats) {
      return new StatsView(
          stats.pending(),
          stats.dispatched(),
          stats.failed(),
          stats.oldestPendingAge().map(age -> age.toMillis() / 1000.0).orElse(null));
    }
  }
}
