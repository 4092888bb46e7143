package io.rustok.core.application.outbox;

/**
 * What one pass of the relay did.
 *
 * @param claimed events claimed in this pass
 * @param dispatched events delivered and marked dispatched
 * @param retried events that failed and were scheduled for another attempt
 * @param deadLettered events parked as failed, for good
 * @param lost events whose claim had expired and been taken over before this pass finished
 */
public record RelayRun(int claimed, int dispatched, int retried, int deadLettered, int lost) {
  public static final RelayRun NOTHING = new RelayRun(0, 0, 0, 0, 0);

  /** Returns the sum of this run and {@code other}, field by field. */
  public RelayRun plus(RelayRun other) {
    return new RelayRun(
        claimed + other.claimed,
        dispatched + other.dispatched,
        retried + other.retried,
        deadLettered + other.deadLettered,
        lost + other.lost);
  }
}
