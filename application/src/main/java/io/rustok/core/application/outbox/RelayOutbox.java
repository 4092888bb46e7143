package io.rustok.core.application.outbox;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.outbox.ClaimedEvent;
import io.rustok.core.domain.outbox.DeliveryReport;
import io.rustok.core.domain.outbox.EventTransport;
import io.rustok.core.domain.outbox.OutboxStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed events from the outbox to a transport, one batch per {@link #runOnce} call.
 *
 * <p>Design: a pass claims due events under a lease, hands the readable ones to the transport in
 * one call with no transaction open, then records each outcome, conditional on the claim. This
 * gives at-least-once delivery: if the relay dies after delivering and before marking, the lease
 * runs out and another pass delivers the events again, so consumers drop duplicates by event id.
 *
 * <ul>
 *   <li>A delivered event is marked dispatched.
 *   <li>A failed event is retried after an exponential, jittered delay ({@link Backoff}); after
 *       {@code maxAttempts} attempts it is parked as failed (the dead letter) with its last error.
 *   <li>An event this code cannot read (unknown type or version, damaged payload) is parked as
 *       failed at once with the reason; it never blocks the other events.
 *   <li>If a claim expired and another relay took an event over, this pass's outcome for it is
 *       dropped and counted as lost; the other relay's outcome stands.
 * </ul>
 *
 * <p>Note that order is kept per batch as the transport receives it; when an event is retried,
 * later events of the same aggregate may be delivered before it. Consumers that need strict order
 * per node compare versions carried in the events.
 */
public final class RelayOutbox {
  private static final Logger log = LoggerFactory.getLogger(RelayOutbox.class);
  private static final int MAX_ERROR_LENGTH = 2000;

  private final OutboxStore store;
  private final EventTransport transport;
  private final RelaySettings settings;
  private final Backoff backoff;
  private final RandomGenerator random;
  private final AtomicLong completedPasses = new AtomicLong();

  public RelayOutbox(
      OutboxStore store, EventTransport transport, RelaySettings settings, RandomGenerator random) {
    this.store = store;
    this.transport = transport;
    this.settings = settings;
    this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap());
    this.random = random;
  }

  /**
   * Returns how many passes that claimed events have recorded every outcome, their marking
   * included, since this relay was created.
   */
  long completedPasses() {
    return completedPasses.get();
  }

  /** Claims one batch of due events, delivers it and records the outcome of every event. */
  public RelayRun runOnce() {
    return claimAndDeliver(Set.of()).markDispatched();
  }

  /**
   * Runs passes until one claims nothing or {@code keepRunning} returns false, and returns their
   * sum. {@code keepRunning} is called once before each pass.
   *
   * <p>Each pass marks its delivered events dispatched on {@code marker} while the next pass claims
   * and delivers, so the marking's round trip to the store overlaps with the next claim. At most
   * one marking is in flight. A pass claims only after the previous pass's delivery returned, so
   * the transport receives batches in the same order as with {@link #runOnce}. If a delivery
   * outlasted its lease, the next claim can return events of that batch again. Those events are
   * marked without a second delivery, and that pass is marked before the next claim.
   *
   * <p>This method returns, or throws, only after the last marking has finished. When a marking
   * fails, the pass claimed after it is still marked, and then the marking's exception is thrown.
   * When a claim or delivery fails while a marking is in flight, the marking's failure, if any, is
   * logged and added to the thrown exception as suppressed. Events whose marking failed stay
   * claimed until their lease ends and are then delivered again.
   *
   * @throws RuntimeException what a pass or a marking threw
   */
  public RelayRun drain(Executor marker, BooleanSupplier keepRunning) {
    RelayRun total = RelayRun.NOTHING;
    Marking inFlight = null;
    while (keepRunning.getAsBoolean()) {
      DeliveredPass pass;
      try {
        pass = claimAndDeliver(inFlight == null ? Set.of() : inFlight.pass().deliveredIds());
      } catch (RuntimeException failure) {
        if (inFlight != null) {
          awaitAfter(failure, inFlight);
        }
        throw failure;
      }
      if (inFlight != null) {
        try {
          total = total.plus(await(inFlight));
        } catch (RuntimeException failure) {
          markAfter(failure, pass);
          throw failure;
        }
        inFlight = null;
      }
      if (pass.claimed() == 0) {
        return total;
      }
      if (pass.reclaimedCount() > 0) {
        // The lease ran out before the previous claim returned, so a claim during this pass's
        // marking could take its events back again and again. Marking it first keeps the relay
        // moving, as runOnce does.
        total = total.plus(pass.markDispatched());
        continue;
      }
      inFlight = new Marking(pass, CompletableFuture.supplyAsync(pass::markDispatched, marker));
    }
    return inFlight == null ? total : total.plus(await(inFlight));
  }

  /** A pass whose marking runs on the marker. */
  private record Marking(DeliveredPass pass, CompletableFuture<RelayRun> result) {}

  /** Waits for the marking and returns its run, or logs and throws its failure. */
  private static RelayRun await(Marking marking) {
    try {
      return marking.result().join();
    } catch (CompletionException e) {
      RuntimeException failure =
          e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e);
      logMarkingFailure(marking.pass(), failure);
      throw failure;
    }
  }

  private static void logMarkingFailure(DeliveredPass pass, RuntimeException failure) {
    log.warn(
        "Marking delivered events dispatched failed, so they stay claimed until their lease ends"
            + " and are then delivered again count={}",
        pass.deliveredCount(),
        failure);
  }

  /** Waits for the marking after {@code failure}, adding the marking's failure to it. */
  private static void awaitAfter(RuntimeException failure, Marking marking) {
    try {
      await(marking);
    } catch (RuntimeException markingFailure) {
      failure.addSuppressed(markingFailure);
    }
  }

  /** Marks {@code pass}, delivered before {@code failure}, adding a second failure to it. */
  private static void markAfter(RuntimeException failure, DeliveredPass pass) {
    try {
      pass.markDispatched();
    } catch (RuntimeException markingFailure) {
      logMarkingFailure(pass, markingFailure);
      failure.addSuppressed(markingFailure);
    }
  }

  /**
   * Claims one batch, delivers it and records every outcome except the dispatch of the delivered
   * events, which {@link DeliveredPass#markDispatched} records. Claimed events in {@code
   * alreadyDelivered} are not delivered again, only marked.
   */
  private DeliveredPass claimAndDeliver(Set<EventId> alreadyDelivered) {
    List<ClaimedEvent> claimed = store.claim(settings.batchSize(), settings.lease());
    if (claimed.isEmpty()) {
      return new DeliveredPass(0, List.of(), 0, 0, 0, 0);
    }

    List<ClaimedEvent> readable = new ArrayList<>(claimed.size());
    List<ClaimedEvent> delivered = new ArrayList<>(claimed.size());
    int deadLettered = 0;
    int lost = 0;
    for (ClaimedEvent event : claimed) {
      if (alreadyDelivered.contains(event.id())) {
        delivered.add(event);
      } else if (event.envelope().isPresent()) {
        readable.add(event);
      } else if (park(event, "unreadable: " + event.unreadableReason().orElseThrow())) {
        deadLettered++;
      } else {
        lost++;
      }
    }

    int reclaimed = delivered.size();
    if (reclaimed > 0) {
      log.warn(
          "Claimed events again whose lease ran out while this relay delivered them, so they are"
              + " marked without being delivered again count={}",
          delivered.size());
    }
    DeliveryReport report = deliver(readable);

    int retried = 0;
    for (ClaimedEvent event : readable) {
      if (!report.failed(event.id())) {
        delivered.add(event);
        continue;
      }
      String error = truncate(report.failures().get(event.id()));
      int failedAttempts = event.attempts() + 1;
      boolean stillHeld;
      if (failedAttempts >= settings.maxAttempts()) {
        stillHeld = park(event, error);
        deadLettered += stillHeld ? 1 : 0;
      } else {
        stillHeld = store.retryLater(event, backoff.delayAfter(failedAttempts, random), error);
        retried += stillHeld ? 1 : 0;
        if (stillHeld) {
          log.warn(
              "Delivery failed, will retry eventId={} type={} attempt={} error={}",
              event.id(),
              event.eventType(),
              failedAttempts,
              error);
        }
      }
      lost += stillHeld ? 0 : 1;
    }
    return new DeliveredPass(claimed.size(), delivered, reclaimed, retried, deadLettered, lost);
  }

  /** A pass whose delivered events are still to be marked dispatched. */
  private final class DeliveredPass {
    private final int claimed;
    private final List<ClaimedEvent> delivered;
    private final int reclaimed;
    private final int retried;
    private final int deadLettered;
    private final int lost;

    DeliveredPass(
        int claimed,
        List<ClaimedEvent> delivered,
        int reclaimed,
        int retried,
        int deadLettered,
        int lost) {
      this.claimed = claimed;
      this.delivered = delivered;
      this.reclaimed = reclaimed;
      this.retried = retried;
      this.deadLettered = deadLettered;
      this.lost = lost;
    }

    int claimed() {
      return claimed;
    }

    /**
     * Returns how many events this pass claimed again after delivering them in the previous one.
     */
    int reclaimedCount() {
      return reclaimed;
    }

    int deliveredCount() {
      return delivered.size();
    }

    Set<EventId> deliveredIds() {
      Set<EventId> ids = new HashSet<>(delivered.size() * 2);
      for (ClaimedEvent event : delivered) {
        ids.add(event.id());
      }
      return ids;
    }

    /** Marks the delivered events dispatched and returns what the whole pass did. */
    RelayRun markDispatched() {
      if (claimed == 0) {
        return RelayRun.NOTHING;
      }
      int dispatched = delivered.isEmpty() ? 0 : store.markDispatched(delivered);
      completedPasses.incrementAndGet();
      int expired = lost + delivered.size() - dispatched;
      if (expired > 0) {
        log.warn(
            "Claims expired before this pass recorded their outcome, so another claim, possibly"
                + " this relay's next one, holds those events now count={}",
            expired);
      }
      RelayRun run = new RelayRun(claimed, dispatched, retried, deadLettered, expired);
      log.debug("Relay pass {}", run);
      return run;
    }
  }

  private DeliveryReport deliver(List<ClaimedEvent> events) {
    if (events.isEmpty()) {
      return DeliveryReport.allDelivered();
    }
    List<EventEnvelope> batch = events.stream().map(e -> e.envelope().orElseThrow()).toList();
    try {
      return transport.deliver(batch);
    } catch (RuntimeException e) {
      String error = describe(e);
      log.warn("Transport failed a whole batch size={} error={}", batch.size(), error);
      Map<EventId, String> failures = new HashMap<>();
      batch.forEach(envelope -> failures.put(envelope.eventId(), error));
      return new DeliveryReport(failures);
    }
  }

  private boolean park(ClaimedEvent event, String error) {
    boolean parked = store.markFailed(event, truncate(error));
    if (parked) {
      log.error(
          "Gave up on event, parked as failed eventId={} type={} attempts={} error={}",
          event.id(),
          event.eventType(),
          event.attempts() + 1,
          truncate(error));
    }
    return parked;
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    return message == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + message;
  }

  private static String truncate(String error) {
    String text = error == null ? "unknown error" : error;
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }
}
