package io.rustok.core.adapters.inmemory;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.outbox.ClaimToken;
import io.rustok.core.domain.outbox.ClaimedEvent;
import io.rustok.core.domain.outbox.EventOutbox;
import io.rustok.core.domain.outbox.OutboxEntry;
import io.rustok.core.domain.outbox.OutboxStats;
import io.rustok.core.domain.outbox.OutboxStatus;
import io.rustok.core.domain.outbox.OutboxStore;
import io.rustok.core.domain.shared.DuplicateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Transactional outbox in memory: both the write side that use cases append to and the store that
 * relays claim from. It shares the lock and undo journal of an {@link InMemoryUnitOfWork}, so
 * appended events appear exactly when the unit that appended them commits.
 *
 * <p>Every store operation is a short unit of its own (or joins the caller's unit), so claims run
 * one at a time and two claimers can never take the same event. "Now" is the injected clock, read
 * once per operation. Events are claimed in append order, which is commit order because units do
 * not overlap.
 *
 * <p>A claim stays current until the event is claimed again, completed or released, even after its
 * lease expired: the lease decides when another claim may take the event, and the token decides who
 * may complete it. Note that dispatched events are kept for the life of the store.
 */
public final class InMemoryOutbox implements EventOutbox, OutboxStore {
  private final InMemoryUnitOfWork unitOfWork;
  private final Clock clock;
  private final Map<EventId, StoredEvent> byId = new HashMap<>();
  private final Map<OutboxStatus, NavigableMap<Long, EventId>> bySequence =
      new EnumMap<>(OutboxStatus.class);
  private long lastSequence;

  public InMemoryOutbox(InMemoryUnitOfWork unitOfWork, Clock clock) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    for (OutboxStatus status : OutboxStatus.values()) {
      bySequence.put(status, new TreeMap<>());
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws DuplicateException with field {@code eventId} if an event with the same id is stored
   */
  @Override
  public void append(List<EventEnvelope> envelopes) {
    Objects.requireNonNull(envelopes, "envelopes");
    unitOfWork.requireActive("append events to the outbox");
    unitOfWork.write(
        () -> {
          Instant now = clock.instant();
          for (EventEnvelope envelope : envelopes) {
            Objects.requireNonNull(envelope, "envelope");
            if (byId.containsKey(envelope.eventId())) {
              throw new DuplicateException(
                  "eventId", "event " + envelope.eventId() + " is already in the outbox");
            }
            lastSequence++;
            change(null, StoredEvent.appended(lastSequence, envelope, now));
          }
          return null;
        });
  }

  @Override
  public List<ClaimedEvent> claim(int limit, Duration lease) {
    requirePositive(limit, "limit");
    Objects.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive, but is " + lease);
    }
    return unitOfWork.write(
        () -> {
          Instant now = clock.instant();
          List<StoredEvent> due = new ArrayList<>(limit);
          for (EventId id : bySequence.get(OutboxStatus.PENDING).values()) {
            if (due.size() == limit) {
              break;
            }
            StoredEvent event = byId.get(id);
            if (event.isDueAt(now)) {
              due.add(event);
            }
          }
          ClaimToken token = ClaimToken.random();
          Instant leaseExpiry = now.plus(lease);
          List<ClaimedEvent> claimed = new ArrayList<>(due.size());
          for (StoredEvent event : due) {
            StoredEvent claimedRow = event.claimed(token, leaseExpiry);
            change(event, claimedRow);
            claimed.add(claimedRow.toClaimed());
          }
          return claimed;
        });
  }

  @Override
  public int markDispatched(List<ClaimedEvent> events) {
    Objects.requireNonNull(events, "events");
    return unitOfWork.write(
        () -> {
          Instant now = clock.instant();
          int dispatched = 0;
          for (ClaimedEvent event : events) {
            StoredEvent stored = storedUnderClaim(event);
            if (stored != null) {
              change(stored, stored.dispatched(now));
              dispatched++;
            }
          }
          return dispatched;
        });
  }

  @Override
  public boolean retryLater(ClaimedEvent event, Duration delay, String error) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(error, "error");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, but is " + delay);
    }
    return unitOfWork.write(
        () -> {
          StoredEvent stored = storedUnderClaim(event);
          if (stored == null) {
            return false;
          }
          change(stored, stored.retriedAt(clock.instant().plus(delay), error));
          return true;
        });
  }

  @Override
  public boolean markFailed(ClaimedEvent event, String error) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(error, "error");
    return unitOfWork.write(
        () -> {
          StoredEvent stored = storedUnderClaim(event);
          if (stored == null) {
            return false;
          }
          change(stored, stored.deadLettered(error));
          return true;
        });
  }

  @Override
  public int release(List<ClaimedEvent> events) {
    Objects.requireNonNull(events, "events");
    return unitOfWork.write(
        () -> {
          int released = 0;
          for (ClaimedEvent event : events) {
            StoredEvent stored = storedUnderClaim(event);
            if (stored != null) {
              change(stored, stored.released());
              released++;
            }
          }
          return released;
        });
  }

  @Override
  public boolean replay(EventId id) {
    Objects.requireNonNull(id, "id");
    return unitOfWork.write(
        () -> {
          StoredEvent stored = byId.get(id);
          if (stored == null || stored.status() != OutboxStatus.FAILED) {
            return false;
          }
          change(stored, stored.replayed(clock.instant()));
          return true;
        });
  }

  @Override
  public Optional<OutboxEntry> find(EventId id) {
    Objects.requireNonNull(id, "id");
    return unitOfWork.read(() -> Optional.ofNullable(byId.get(id)).map(StoredEvent::toEntry));
  }

  /**
   * {@inheritDoc}
   *
   * <p>This store keeps envelopes as objects, so every stored event is readable and at its current
   * version.
   */
  @Override
  public Optional<EventEnvelope> findEnvelope(EventId id) {
    Objects.requireNonNull(id, "id");
    return unitOfWork.read(() -> Optional.ofNullable(byId.get(id)).map(StoredEvent::envelope));
  }

  @Override
  public List<OutboxEntry> list(OutboxStatus status, int limit, Optional<EventId> before) {
    Objects.requireNonNull(status, "status");
    requirePositive(limit, "limit");
    Objects.requireNonNull(before, "before");
    return unitOfWork.read(
        () -> {
          NavigableMap<Long, EventId> withStatus = bySequence.get(status);
          if (before.isPresent()) {
            StoredEvent cursor = byId.get(before.get());
            if (cursor == null) {
              return List.of();
            }
            withStatus = withStatus.headMap(cursor.sequence(), false);
          }
          return withStatus.descendingMap().values().stream()
              .limit(limit)
              .map(id -> byId.get(id).toEntry())
              .toList();
        });
  }

  @Override
  public OutboxStats stats() {
    return unitOfWork.read(
        () -> {
          NavigableMap<Long, EventId> pending = bySequence.get(OutboxStatus.PENDING);
          Optional<Duration> oldestPendingAge =
              pending.isEmpty()
                  ? Optional.empty()
                  : Optional.of(ageOf(byId.get(pending.firstEntry().getValue())));
          return new OutboxStats(
              pending.size(),
              bySequence.get(OutboxStatus.DISPATCHED).size(),
              bySequence.get(OutboxStatus.FAILED).size(),
              oldestPendingAge);
        });
  }

  private Duration ageOf(StoredEvent event) {
    Duration age = Duration.between(event.createdAt(), clock.instant());
    return age.isNegative() ? Duration.ZERO : age;
  }

  /** Returns the stored event if the claim is still current, otherwise null. */
  private StoredEvent storedUnderClaim(ClaimedEvent event) {
    StoredEvent stored = byId.get(event.id());
    return stored != null && stored.isHeldBy(event.claimToken()) ? stored : null;
  }

  /** Replaces a stored row, keeps the indexes in step and records the undo in the current unit. */
  private void change(StoredEvent old, StoredEvent replacement) {
    replace(old, replacement);
    unitOfWork.recordUndo(() -> replace(replacement, old));
  }

  private void replace(StoredEvent old, StoredEvent replacement) {
    if (old != null) {
      byId.remove(old.id());
      bySequence.get(old.status()).remove(old.sequence());
    }
    if (replacement != null) {
      byId.put(replacement.id(), replacement);
      bySequence.get(replacement.status()).put(replacement.sequence(), replacement.id());
    }
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, but is " + value);
    }
  }
}
