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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * The relay's claim-and-complete SQL on plain JDBC: per batch, the claim {@code UPDATE} with its
 * {@code FOR UPDATE SKIP LOCKED} subquery and {@code RETURNING}, then one {@code UPDATE} that marks
 * the claimed rows dispatched. Both statements are the text that {@code JooqOutboxStore} sends when
 * its clock is not shifted, with the same parameters, the statuses written as literals and the same
 * returned columns. Each runs in autocommit on a connection taken from the pool for it, as there.
 *
 * <p>{@link #drainOnce} runs both statements of a batch one after the other on the calling thread,
 * as {@code RelayOutbox.runOnce} does. {@link #drainOverlapped} completes each batch on a second
 * thread while the next batch is claimed, as {@code RelayOutbox.drain} does.
 *
 * <p>With a codec, each claimed payload is also decoded into an envelope on the claiming thread, as
 * the store does, which separates the cost of decoding from the cost of the rest of the relay.
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
    return completeAll(token, claimed);
  }

  /**
   * Claims batches of up to {@code batchSize} due events until a claim finds nothing, and marks
   * each batch dispatched on {@code completer} while the next batch is claimed.
   *
   * <p>At most one batch is being marked at a time: after each claim, the calling thread waits for
   * the previous batch's marking before it hands over the new batch. This method returns, or
   * throws, only after the last marking has finished.
   *
   * @return how many events were claimed and marked dispatched
   * @throws IllegalStateException if a marking updated fewer rows than its batch claimed, or a
   *     payload could not be decoded
   */
  long drainOverlapped(int batchSize, Executor completer) throws SQLException {
    long drained = 0;
    CompletableFuture<Integer> marking = null;
    try {
      while (true) {
        UUID token = UUID.randomUUID();
        List<UUID> claimed = claim(token, batchSize);
        if (marking != null) {
          drained += awaitMarking(marking);
          marking = null;
        }
        if (claimed.isEmpty()) {
          return drained;
        }
        marking = CompletableFuture.supplyAsync(() -> completeUnchecked(token, claimed), completer);
      }
    } finally {
      if (marking != null) {
        // A claim failed while a marking was in flight: wait for it, so that no marking outlives
        // the call, and let the claim's exception propagate.
        marking.handle((marked, failure) -> marked).join();
      }
    }
  }

  private static int awaitMarking(CompletableFuture<Integer> marking) throws SQLException {
    try {
      return marking.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sqlException) {
        throw sqlException;
      }
      if (cause instanceof RuntimeException runtimeException) {
        throw runtimeException;
      }
      throw e;
    }
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

  private int completeUnchecked(UUID token, List<UUID> ids) {
    try {
      return completeAll(token, ids);
    } catch (SQLException e) {
      throw new CompletionException(e);
    }
  }

  /**
   * Marks the claimed rows dispatched and returns how many there are.
   *
   * @throws IllegalStateException if fewer rows were marked than claimed
   */
  private int completeAll(UUID token, List<UUID> ids) throws SQLException {
    int marked;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(COMPLETE)) {
      Array idArray = connection.createArrayOf("uuid", ids.toArray());
      update.setArray(1, idArray);
      update.setObject(2, token);
      marked = update.executeUpdate();
    }
    if (marked != ids.size()) {
      throw new IllegalStateException(
          "Claimed " + ids.size() + " events but marked " + marked + " dispatched");
    }
    return marked;
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
