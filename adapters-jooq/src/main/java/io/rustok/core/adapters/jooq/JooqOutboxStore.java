package io.rustok.core.adapters.jooq;

import static io.rustok.core.adapters.jooq.Schema.NOW;
import static io.rustok.core.adapters.jooq.Schema.columnOf;
import static io.rustok.core.adapters.jooq.Schema.plus;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

import io.rustok.core.adapters.jooq.Schema.SysEvents;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.outbox.ClaimToken;
import io.rustok.core.domain.outbox.ClaimedEvent;
import io.rustok.core.domain.outbox.EventOutbox;
import io.rustok.core.domain.outbox.OutboxEntry;
import io.rustok.core.domain.outbox.OutboxStats;
import io.rustok.core.domain.outbox.OutboxStatus;
import io.rustok.core.domain.outbox.OutboxStore;
import io.rustok.core.domain.outbox.UnreadableStoredEventException;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.Uuids;
import io.rustok.core.domain.tenancy.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox on the {@code sys_events} table: {@link EventOutbox} for use cases and
 * {@link OutboxStore} for the relay and operators.
 *
 * <p>{@link #append} writes in the caller's unit of work, with one multi-row {@code INSERT} per
 * {@value #APPEND_CHUNK} envelopes, queued in the unit so that it reaches the server together with
 * the unit's other queued writes (see {@link JooqUnitOfWork}). Every other method runs outside any
 * unit of work: each is one statement in autocommit on a pooled connection. So a claim keeps its
 * row locks only while that statement runs, and delivery happens with no transaction open.
 *
 * <p>Claim protocol. {@link #claim} is one {@code UPDATE}. Its subquery picks due rows oldest first
 * with {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers on any number of instances take
 * disjoint rows without waiting for each other. The update writes a new random token into {@code
 * claimed_by} and {@code now() + lease} into {@code claimed_until}, and returns the rows. A row is
 * due when it is pending, its {@code next_attempt_at} has passed and any earlier lease has expired.
 *
 * <p>Completing, rescheduling, failing and releasing change a row only while {@code claimed_by}
 * still contains the caller's token and the row is still pending, and each clears the claim. A
 * claim whose lease ran out can therefore still complete its rows unless another claim has taken
 * them since.
 *
 * <p>All times come from the database's {@code now()}, so relays need no synchronised clocks. The
 * constructor for tests shifts that time by a given amount in every statement of the store.
 */
public final class JooqOutboxStore implements EventOutbox, OutboxStore {
  private static final Logger log = LoggerFactory.getLogger(JooqOutboxStore.class);

  /** Maximum length of a stored {@code last_error}, in characters. Longer errors are cut. */
  public static final int MAX_ERROR_LENGTH = 2_000;

  /*
   * The statements that run once per use case or per relay pass are fixed SQL on plain JDBC, so no
   * statement is built and rendered by jOOQ on those paths. StoreClock.render replaces {now} with
   * the store's time.
   */
  private static final String APPEND_INTO =
      "insert into sys_events (id, payload, event_type, schema_version, status, retry_count,"
          + " next_attempt_at, created_at)";
  private static final String APPEND_ROW = "(?, ?::jsonb, ?, ?, 'pending', 0, {now}, {now})";

  /**
   * Envelopes per {@code INSERT}. At four parameters a row, this stays far below the driver's limit
   * of 32,767 parameters.
   */
  static final int APPEND_CHUNK = 1_000;

  private static final String CLAIM =
      "update sys_events set claimed_by = ?, claimed_until = {now} + ? * interval '1 microsecond'"
          + " where id in (select candidate.id from sys_events as candidate"
          + " where candidate.status = 'pending' and candidate.next_attempt_at <= {now}"
          + " and (candidate.claimed_until is null or candidate.claimed_until < {now})"
          + " order by candidate.created_at, candidate.id limit ? for update skip locked)"
          + " returning id, event_type, schema_version, retry_count, payload, created_at";

  private static final String MARK_DISPATCHED =
      "update sys_events set status = 'dispatched', dispatched_at = {now}, claimed_by = null,"
          + " claimed_until = null where id = any (?) and claimed_by = ? and status = 'pending'";

  private static final String PENDING = OutboxStatus.PENDING.wireName();
  private static final String DISPATCHED = OutboxStatus.DISPATCHED.wireName();
  private static final String FAILED = OutboxStatus.FAILED.wireName();

  private static final Field<String> TENANT_ID_TEXT =
      field("{0} ->> 'tenantId'", SQLDataType.CLOB, SysEvents.PAYLOAD).as("tenant_id");
  private static final Field<String> AGGREGATE_ID_TEXT =
      field("{0} ->> 'aggregateId'", SQLDataType.CLOB, SysEvents.PAYLOAD).as("aggregate_id");

  /**
   * Claim order, as the claim query's {@code ORDER BY created_at, id}: {@code RETURNING} gives the
   * rows in no particular order. UUIDs compare as unsigned bytes, as PostgreSQL compares them.
   */
  private static final Comparator<ClaimedRow> OLDEST_FIRST =
      Comparator.comparing(ClaimedRow::createdAt)
          .thenComparing(row -> row.event().id().value(), JooqOutboxStore::compareUnsigned);

  private final JooqUnitOfWork unitOfWork;
  private final EnvelopeCodec codec;
  private final DSLContext autocommit;

  private final StoreClock clock;

  /**
   * Creates a store whose {@link #append} joins the units of {@code unitOfWork} and whose other
   * methods use that unit of work's pool directly.
   */
  public JooqOutboxStore(JooqUnitOfWork unitOfWork, EnvelopeCodec codec) {
    this(null, unitOfWork, codec);
  }

  /**
   * Creates a store for tests whose time is the database's {@code now()} plus {@code clockShift},
   * so that a test can let leases expire, delays pass and events age without waiting.
   *
   * <p>The shift is read once per statement and applies to every time the store writes or compares:
   * creation, next attempt, lease end, dispatch time and the age in {@link #stats}. Column defaults
   * and the other adapters keep the unshifted {@code now()}. Not meant for production: stores that
   * share a table with different shifts would disagree about which events are due.
   */
  public JooqOutboxStore(
      JooqUnitOfWork unitOfWork, EnvelopeCodec codec, Supplier<Duration> clockShift) {
    this(Require.notNull(clockShift, "clockShift"), unitOfWork, codec);
  }

  private JooqOutboxStore(
      Supplier<Duration> clockShift, JooqUnitOfWork unitOfWork, EnvelopeCodec codec) {
    this.unitOfWork = Require.notNull(unitOfWork, "unitOfWork");
    this.codec = Require.notNull(codec, "codec");
    this.autocommit = DSL.using(unitOfWork.dataSource(), SQLDialect.POSTGRES);
    this.clock = new StoreClock(clockShift);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Every envelope is encoded and checked before the first row is written. If an encoded payload
   * contains text that {@code jsonb} cannot store (a NUL character or an unpaired UTF-16
   * surrogate), this throws {@link IllegalArgumentException} naming the event, and the unit of work
   * rolls back when the exception leaves it. {@code event_type} and {@code schema_version} are
   * always taken from the envelope, never from the encoded JSON.
   */
  @Override
  public void append(List<EventEnvelope> envelopes) {
    Require.notNull(envelopes, "envelopes");
    // The queued insert reads the envelopes when the unit sends it, so it takes a copy that the
    // caller cannot change in the meantime.
    List<EventEnvelope> appended = new ArrayList<>(envelopes);
    if (!unitOfWork.isActive()) {
      throw new IllegalStateException(
          "EventOutbox.append needs an active unit of work on this thread: call it inside"
              + " UnitOfWork.execute, so the events commit together with the change they describe");
    }
    List<String> payloads = new ArrayList<>(appended.size());
    for (EventEnvelope envelope : appended) {
      payloads.add(storablePayload(envelope));
    }
    if (payloads.isEmpty()) {
      return;
    }
    for (int start = 0; start < payloads.size(); start += APPEND_CHUNK) {
      int end = Math.min(payloads.size(), start + APPEND_CHUNK);
      insertRows(appended.subList(start, end), payloads.subList(start, end));
    }
    log.debug("Appended {} events to the outbox", payloads.size());
  }

  /**
   * Queues one insert of a row per envelope in the current unit of work, which sends it with the
   * unit's next statement or its commit.
   */
  private void insertRows(List<EventEnvelope> envelopes, List<String> payloads) {
    unitOfWork.defer(
        clock.render(Schema.multiRowInsert(APPEND_INTO, APPEND_ROW, envelopes.size())),
        (insert, first) -> {
          int parameter = first;
          for (int i = 0; i < envelopes.size(); i++) {
            EventEnvelope envelope = envelopes.get(i);
            insert.setObject(parameter++, envelope.eventId().value());
            insert.setString(parameter++, payloads.get(i));
            insert.setString(parameter++, envelope.eventType());
            insert.setInt(parameter++, envelope.schemaVersion());
          }
          return parameter;
        },
        Map.of());
  }

  /** Returns the envelope's JSON, or throws if {@code jsonb} cannot hold it. */
  private String storablePayload(EventEnvelope envelope) {
    Require.notNull(envelope, "envelope");
    String json = codec.encode(envelope);
    Optional<String> problem = PostgresText.problemInJsonb(json);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(
          "Event "
              + envelope.eventId()
              + " ("
              + envelope.eventType()
              + " v"
              + envelope.schemaVersion()
              + ") cannot be stored: its encoded payload contains "
              + problem.get()
              + ", which PostgreSQL jsonb cannot hold. Reject such text where it enters the"
              + " system.");
    }
    return json;
  }

  @Override
  public List<ClaimedEvent> claim(int limit, Duration lease) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, but is " + limit);
    }
    Require.notNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive, but is " + lease);
    }

    ClaimToken token = ClaimToken.random();
    List<ClaimedRow> rows = new ArrayList<>(Math.min(limit, 1_000));
    String sql = clock.render(CLAIM);
    try (Connection connection = unitOfWork.dataSource().getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setObject(1, token.value());
      update.setLong(2, micros(lease));
      update.setInt(3, limit);
      try (ResultSet result = update.executeQuery()) {
        while (result.next()) {
          rows.add(toClaimedRow(result, token));
        }
      }
    } catch (SQLException e) {
      throw new DataAccessException("Claiming outbox events failed: " + e.getMessage(), e);
    }
    // RETURNING gives the rows in no particular order; the relay delivers them oldest first.
    rows.sort(OLDEST_FIRST);
    List<ClaimedEvent> claimed = new ArrayList<>(rows.size());
    for (ClaimedRow row : rows) {
      claimed.add(row.event());
    }
    if (!claimed.isEmpty()) {
      log.debug("Claimed {} events with token={}", claimed.size(), token.value());
    }
    return claimed;
  }

  /** A claimed event with its creation time, which orders the batch. */
  private record ClaimedRow(Instant createdAt, ClaimedEvent event) {}

  private ClaimedRow toClaimedRow(ResultSet row, ClaimToken token) throws SQLException {
    EventId id = new EventId(row.getObject(1, UUID.class));
    String eventType = row.getString(2);
    int schemaVersion = row.getInt(3);
    int attempts = row.getInt(4);
    Decoded decoded = decode(id, row.getString(5));
    Instant createdAt = row.getObject(6, OffsetDateTime.class).toInstant();
    ClaimedEvent event;
    if (decoded.envelope() != null) {
      event = ClaimedEvent.readable(decoded.envelope(), token, attempts);
    } else {
      String reason = decoded.unreadableReason();
      log.warn(
          "Claimed an unreadable event eventId={} eventType={} schemaVersion={}: {}",
          id,
          eventType,
          schemaVersion,
          reason);
      event = ClaimedEvent.unreadable(id, eventType, schemaVersion, token, attempts, reason);
    }
    return new ClaimedRow(createdAt, event);
  }

  /** A decoded payload: the envelope, or else the reason this code cannot read it. */
  private record Decoded(EventEnvelope envelope, String unreadableReason) {}

  private Decoded decode(EventId id, String payload) {
    try {
      EventEnvelope envelope = codec.decode(payload);
      if (envelope.eventId().equals(id)) {
        return new Decoded(envelope, null);
      }
      return new Decoded(
          null, "the payload's eventId " + envelope.eventId() + " differs from the row id");
    } catch (UnreadablePayloadException e) {
      return new Decoded(null, e.getMessage());
    } catch (RuntimeException e) {
      return new Decoded(null, "the codec failed: " + e);
    }
  }

  @Override
  public int markDispatched(List<ClaimedEvent> events) {
    Require.notNull(events, "events");
    int dispatched = 0;
    for (Map.Entry<ClaimToken, UUID[]> claim : idsByToken(events).entrySet()) {
      String sql = clock.render(MARK_DISPATCHED);
      try (Connection connection = unitOfWork.dataSource().getConnection();
          PreparedStatement update = connection.prepareStatement(sql)) {
        update.setArray(1, connection.createArrayOf("uuid", claim.getValue()));
        update.setObject(2, claim.getKey().value());
        dispatched += update.executeUpdate();
      } catch (SQLException e) {
        throw new DataAccessException(
            "Marking outbox events dispatched failed: " + e.getMessage(), e);
      }
    }
    return dispatched;
  }

  @Override
  public boolean retryLater(ClaimedEvent event, Duration delay, String error) {
    Require.notNull(event, "event");
    Require.notNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, but is " + delay);
    }
    int updated =
        autocommit
            .update(SysEvents.TABLE)
            .set(SysEvents.RETRY_COUNT, SysEvents.RETRY_COUNT.plus(1))
            .set(SysEvents.NEXT_ATTEMPT_AT, plus(clock.now(), delay))
            .set(SysEvents.LAST_ERROR, storableError(error))
            .setNull(SysEvents.CLAIMED_BY)
            .setNull(SysEvents.CLAIMED_UNTIL)
            .where(SysEvents.ID.eq(event.id().value()))
            .and(heldBy(event.claimToken()))
            .execute();
    return updated == 1;
  }

  @Override
  public boolean markFailed(ClaimedEvent event, String error) {
    Require.notNull(event, "event");
    int updated =
        autocommit
            .update(SysEvents.TABLE)
            .set(SysEvents.STATUS, FAILED)
            .set(SysEvents.RETRY_COUNT, SysEvents.RETRY_COUNT.plus(1))
            .set(SysEvents.LAST_ERROR, storableError(error))
            .setNull(SysEvents.CLAIMED_BY)
            .setNull(SysEvents.CLAIMED_UNTIL)
            .where(SysEvents.ID.eq(event.id().value()))
            .and(heldBy(event.claimToken()))
            .execute();
    if (updated == 1) {
      log.warn(
          "Event parked as failed eventId={} eventType={} attempts={}",
          event.id(),
          event.eventType(),
          event.attempts() + 1);
    }
    return updated == 1;
  }

  @Override
  public int release(List<ClaimedEvent> events) {
    Require.notNull(events, "events");
    int released = 0;
    for (Map.Entry<ClaimToken, UUID[]> claim : idsByToken(events).entrySet()) {
      released +=
          autocommit
              .update(SysEvents.TABLE)
              .setNull(SysEvents.CLAIMED_BY)
              .setNull(SysEvents.CLAIMED_UNTIL)
              .where(SysEvents.ID.eq(any(claim.getValue())))
              .and(heldBy(claim.getKey()))
              .execute();
    }
    return released;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The event becomes due at once; its {@code last_error} is kept for the operator.
   */
  @Override
  public boolean replay(EventId id) {
    Require.notNull(id, "id");
    int updated =
        autocommit
            .update(SysEvents.TABLE)
            .set(SysEvents.STATUS, PENDING)
            .set(SysEvents.RETRY_COUNT, 0)
            .set(SysEvents.NEXT_ATTEMPT_AT, clock.now())
            .setNull(SysEvents.CLAIMED_BY)
            .setNull(SysEvents.CLAIMED_UNTIL)
            .where(SysEvents.ID.eq(id.value()))
            .and(SysEvents.STATUS.eq(FAILED))
            .execute();
    if (updated == 1) {
      log.info("Failed event replayed eventId={}", id);
    }
    return updated == 1;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The tenant and aggregate ids are read from the payload's {@code tenantId} and {@code
   * aggregateId} fields without decoding the envelope, so unreadable events are listed too. Note
   * that a payload without a valid UUID in one of them yields {@code null} there.
   */
  @Override
  public Optional<OutboxEntry> find(EventId id) {
    Require.notNull(id, "id");
    return autocommit
        .select(entryFields())
        .from(SysEvents.TABLE)
        .where(SysEvents.ID.eq(id.value()))
        .fetchOptional()
        .map(JooqOutboxStore::toEntry);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The payload is decoded with the store's codec, which upcasts an older schema version.
   */
  @Override
  public Optional<EventEnvelope> findEnvelope(EventId id) {
    Require.notNull(id, "id");
    Optional<JSONB> payload =
        autocommit
            .select(SysEvents.PAYLOAD)
            .from(SysEvents.TABLE)
            .where(SysEvents.ID.eq(id.value()))
            .fetchOptional(SysEvents.PAYLOAD);
    if (payload.isEmpty()) {
      return Optional.empty();
    }
    Decoded decoded = decode(id, payload.get().data());
    if (decoded.envelope() == null) {
      throw new UnreadableStoredEventException(id, decoded.unreadableReason());
    }
    return Optional.of(decoded.envelope());
  }

  /** {@inheritDoc} Ties in creation time are broken by id, larger first. */
  @Override
  public List<OutboxEntry> list(OutboxStatus status, int limit, Optional<EventId> before) {
    Require.notNull(status, "status");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, but is " + limit);
    }
    Require.notNull(before, "before");
    Condition condition = SysEvents.STATUS.eq(status.wireName());
    if (before.isPresent()) {
      Table<Record> cursor = SysEvents.TABLE.as("cursor");
      condition =
          condition.and(
              row(SysEvents.CREATED_AT, SysEvents.ID)
                  .lt(
                      select(columnOf(cursor, SysEvents.CREATED_AT), columnOf(cursor, SysEvents.ID))
                          .from(cursor)
                          .where(columnOf(cursor, SysEvents.ID).eq(before.get().value()))));
    }
    return autocommit
        .select(entryFields())
        .from(SysEvents.TABLE)
        .where(condition)
        .orderBy(SysEvents.CREATED_AT.desc(), SysEvents.ID.desc())
        .limit(limit)
        .fetch(JooqOutboxStore::toEntry);
  }

  /** {@inheritDoc} The age is measured against the store's time, the database's {@code now()}. */
  @Override
  public OutboxStats stats() {
    Field<Long> pending = countWithStatus(PENDING).as("pending");
    Field<Long> dispatched = countWithStatus(DISPATCHED).as("dispatched");
    Field<Long> failed = countWithStatus(FAILED).as("failed");
    Field<Long> oldestAgeMicros =
        field(
                "floor(extract(epoch from ({0} - {1})) * 1000000)::bigint",
                SQLDataType.BIGINT,
                clock.now(),
                min(SysEvents.CREATED_AT).filterWhere(SysEvents.STATUS.eq(PENDING)))
            .as("oldest_pending_age_micros");
    Record row =
        autocommit
            .select(pending, dispatched, failed, oldestAgeMicros)
            .from(SysEvents.TABLE)
            .fetchOne();
    Optional<Duration> oldestPendingAge =
        Optional.ofNullable(row.get(oldestAgeMicros))
            .map(micros -> Duration.ofNanos(Math.multiplyExact(Math.max(0, micros), 1_000L)));
    return new OutboxStats(
        row.get(pending), row.get(dispatched), row.get(failed), oldestPendingAge);
  }

  /**
   * The store's current time as an SQL expression: {@code now()}, or {@code now()} plus a shift in
   * tests. A statement that compares or writes the time more than once takes one expression, so
   * that every use has the same shift.
   */
  private final class StoreClock {
    private final Supplier<Duration> shift;

    /** Creates the clock of {@code now()} plus {@code shift}, or of {@code now()} when null. */
    StoreClock(Supplier<Duration> shift) {
      this.shift = shift;
    }

    Field<Instant> now() {
      return shift == null ? NOW : plus(NOW, currentShift());
    }

    /** Returns {@code template} with every {@code {now}} replaced by the time of one statement. */
    String render(String template) {
      String now =
          shift == null
              ? "now()"
              : "(now() + " + micros(currentShift()) + " * interval '1 microsecond')";
      return template.replace("{now}", now);
    }

    private Duration currentShift() {
      return Require.notNull(shift.get(), "clockShift value");
    }
  }

  /** Returns {@code amount} in whole microseconds, the precision of {@code timestamptz}. */
  private static long micros(Duration amount) {
    return Math.addExact(
        Math.multiplyExact(amount.getSeconds(), 1_000_000L), amount.getNano() / 1_000);
  }

  /** Returns {@code count(*) FILTER (WHERE status = ?)}, read as a long. */
  private static Field<Long> countWithStatus(String status) {
    return count().filterWhere(SysEvents.STATUS.eq(status)).coerce(SQLDataType.BIGINT);
  }

  private static Condition heldBy(ClaimToken token) {
    return SysEvents.CLAIMED_BY.eq(token.value()).and(SysEvents.STATUS.eq(PENDING));
  }

  private static Map<ClaimToken, UUID[]> idsByToken(List<ClaimedEvent> events) {
    Map<ClaimToken, List<UUID>> grouped = new LinkedHashMap<>();
    for (ClaimedEvent event : events) {
      grouped
          .computeIfAbsent(event.claimToken(), token -> new ArrayList<>())
          .add(event.id().value());
    }
    Map<ClaimToken, UUID[]> arrays = new LinkedHashMap<>();
    grouped.forEach((token, ids) -> arrays.put(token, ids.toArray(UUID[]::new)));
    return arrays;
  }

  /**
   * Returns the error cut to {@value #MAX_ERROR_LENGTH} characters with unstorable text replaced.
   */
  static String storableError(String error) {
    if (error == null) {
      return null;
    }
    StringBuilder text = new StringBuilder(Math.min(error.length(), MAX_ERROR_LENGTH));
    for (int i = 0; i < error.length() && text.length() < MAX_ERROR_LENGTH; i++) {
      char c = error.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < error.length()
              && Character.isLowSurrogate(error.charAt(i + 1));
      if (pair) {
        if (text.length() + 2 > MAX_ERROR_LENGTH) {
          break;
        }
        text.append(c).append(error.charAt(++i));
      } else if (c == '\u0000' || Character.isSurrogate(c)) {
        text.append('\uFFFD');
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

  private static List<Field<?>> entryFields() {
    return List.of(
        SysEvents.ID,
        SysEvents.EVENT_TYPE,
        SysEvents.SCHEMA_VERSION,
        TENANT_ID_TEXT,
        AGGREGATE_ID_TEXT,
        SysEvents.STATUS,
        SysEvents.RETRY_COUNT,
        SysEvents.LAST_ERROR,
        SysEvents.CREATED_AT,
        SysEvents.DISPATCHED_AT,
        SysEvents.NEXT_ATTEMPT_AT);
  }

  private static OutboxEntry toEntry(Record row) {
    OutboxStatus status = OutboxStatus.parse(row.get(SysEvents.STATUS), "status");
    return new OutboxEntry(
        new EventId(row.get(SysEvents.ID)),
        row.get(SysEvents.EVENT_TYPE),
        row.get(SysEvents.SCHEMA_VERSION),
        uuidIn(row.get(TENANT_ID_TEXT)).map(TenantId::new).orElse(null),
        uuidIn(row.get(AGGREGATE_ID_TEXT)).orElse(null),
        status,
        row.get(SysEvents.RETRY_COUNT),
        Optional.ofNullable(row.get(SysEvents.LAST_ERROR)),
        row.get(SysEvents.CREATED_AT),
        Optional.ofNullable(row.get(SysEvents.DISPATCHED_AT)),
        status == OutboxStatus.PENDING
            ? Optional.of(row.get(SysEvents.NEXT_ATTEMPT_AT))
            : Optional.empty());
  }

  private static int compareUnsigned(UUID left, UUID right) {
    int high = Long.compareUnsigned(left.getMostSignificantBits(), right.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(left.getLeastSignificantBits(), right.getLeastSignificantBits());
  }

  private static Optional<UUID> uuidIn(String text) {
    return Uuids.isCanonical(text) ? Optional.of(UUID.fromString(text)) : Optional.empty();
  }
}
