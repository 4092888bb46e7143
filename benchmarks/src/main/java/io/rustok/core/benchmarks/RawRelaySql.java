package io.rustok.core.benchmarks;

import io.rustok.core.adapters.jooq.EnvelopeCodec;
import io.rustok.core.adapters.jooq.UnreadablePayloadException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The relay's claim-and-complete SQL on plain JDBC: per batch, the claim {@code UPDATE} with its
 * {@code FOR UPDATE SKIP LOCKED} subquery and {@code RETURNING}, then one {@code UPDATE} that marks
 * the claimed rows dispatched. Both statements are the text that {@code JooqOutboxStore} sends when
 * its clock is not shifted, with the same parameters, the statuses written as literals and the same
 * returned columns. Each runs in autocommit on a connection taken from the pool for it, as there.
 *
 * <p>With a codec, each claimed payload is also decoded into an envelope, which separates the cost
 * of decoding from the cost of the rest of the relay.
 */
final class RawRelaySql {
  private static final String CLAIM =
      "update sys_events set claimed_by = ?, claimed_until = now() + ? * interval '1 microsecond'"
          + " where id in (select candidate.id from sys_events as candidate"
          + " where candidate.status = 'pending' and candidate.next_attempt_at <= now()"
          + " and (candidate.claimed_until is null or candidate.claimed_until < now())"
          + " order by candidate.created_at, candidate.id limit ? for update skip locked)"
          + " returning id, event_type, schema_version, retry_count, payload, created_at";
  private static final String COMPLETE =
      "update sys_events set status = 'dispatched', dispatched_at = now(), claimed_by = null,"
          + " claimed_until = null where id = any (?) and claimed_by = ? and status = 'pending'";

  private final DataSource dataSource;
  private final long leaseMicros;
  private final Optional<EnvelopeCodec> decoder;

  RawRelaySql(DataSource dataSource, Duration lease, Optional<EnvelopeCodec> decoder) {
    this.dataSource = dataSource;
    this.leaseMicros = lease.toNanos() / 1_000;
    this.decoder = decoder;
  }

  /**
   * Claims up to {@code batchSize} due events, decodes them if a codec was given, and marks them
   * dispatched.
   *
   * @return how many events were claimed; zero once none is due
   * @throws IllegalStateException if fewer rows were marked than claimed, or a payload could not be
   *     decoded
   */
  int drainOnce(int batchSize) throws SQLException {
    UUID token = UUID.randomUUID();
    List<UUID> claimed = claim(token, batchSize);
    if (claimed.isEmpty()) {
      return 0;
    }
    int marked = complete(token, claimed);
    if (marked != claimed.size()) {
      throw new IllegalStateException(
          "Claimed " + claimed.size() + " events but marked " + marked + " dispatched");
    }
    return claimed.size();
  }

  private List<UUID> claim(UUID token, int batchSize) throws SQLException {
    List<UUID> ids = new ArrayList<>(batchSize);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(CLAIM)) {
      update.setObject(1, token);
      update.setLong(2, leaseMicros);
      update.setInt(3, batchSize);
      try (ResultSet rows = update.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getObject(1, UUID.class));
          rows.getString(2);
          rows.getInt(3);
          rows.getInt(4);
          String payload = rows.getString(5);
          rows.getObject(6, OffsetDateTime.class);
          decode(payload);
        }
      }
    }
    return ids;
  }

  private int complete(UUID token, List<UUID> ids) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(COMPLETE)) {
      Array idArray = connection.createArrayOf("uuid", ids.toArray());
      update.setArray(1, idArray);
      update.setObject(2, token);
      return update.executeUpdate();
    }
  }

  private void decode(String payload) {
    if (decoder.isEmpty()) {
      return;
    }
    try {
      decoder.get().decode(payload);
    } catch (UnreadablePayloadException e) {
      throw new IllegalStateException("A claimed payload is unreadable: " + e.getMessage(), e);
    }
  }
}
