package io.rustok.core.domain.shared;

import java.util.function.Supplier;

/**
 * One atomic unit of writes: everything that repositories and the event outbox write while {@code
 * work} runs is committed together when it returns, or discarded together when it throws.
 *
 * <p>Units are bound to the calling thread. A unit started while another is active on the same
 * thread joins the outer one: nothing commits until the outermost unit returns, and a failure
 * anywhere discards all of it. Work must not hand writes to other threads, because those run
 * outside the unit. Other threads never see the writes of a unit before it commits.
 *
 * <p>An adapter may hold writes back and send them together later in the unit, at the latest when
 * it commits. Reads in the unit still see every earlier write of the unit. The failure of a write
 * held back, such as a {@link DuplicateException}, is then thrown by a later call in the unit or by
 * {@link #execute} itself, and the unit rolls back as for any other failure.
 *
 * <p>Shown by {@code UnitOfWorkContract#commitStoresEveryWrite}, {@code
 * UnitOfWorkContract#rollbackDiscardsEveryWriteOfTheUnit}, {@code
 * UnitOfWorkContract#isActiveOnlyOnTheUnitsThread}, {@code
 * UnitOfWorkContract#nestedUnitJoinsOuterUnit}, {@code
 * UnitOfWorkContract#caughtNestedFailureStillRollsBack}, {@code
 * UnitOfWorkContract#otherThreadsNeverSeeUncommittedWrites}, {@code
 * UnitOfWorkContract#readSeesEarlierWritesOfUnit} and {@code
 * UnitOfWorkContract#duplicateDiscardsWholeUnit}.
 */
public interface UnitOfWork {
  /**
   * Runs {@code work} inside a unit of work and commits it.
   *
   * <p>Shown by {@code UnitOfWorkContract#executeReturnsWhatWorkReturned}, {@code
   * UnitOfWorkContract#rollbackRethrowsTheFailure}, {@code
   * UnitOfWorkContract#caughtNestedFailureStillRollsBack} and {@code
   * UnitOfWorkContract#duplicateDiscardsWholeUnit}.
   *
   * @return what {@code work} returned
   * @throws RuntimeException whatever {@code work} threw, or the failure of a write held back until
   *     the commit, after the unit was rolled back
   * @throws IllegalStateException if {@code work} returned although a nested unit failed, after the
   *     unit was rolled back; its cause is the failure of the nested unit
   */
  <T> T execute(Supplier<T> work);

  /**
   * Returns whether the calling thread is inside a unit of work.
   *
   * <p>Shown by {@code UnitOfWorkContract#isActiveOnlyInsideUnit} and {@code
   * UnitOfWorkContract#isActiveOnlyOnTheUnitsThread}.
   */
  boolean isActive();

  /**
   * Registers an action to run once after the current unit commits, and never if it rolls back.
   * Actions run on the committing thread, in the order they were registered, after the outermost
   * unit has committed and is no longer active, so an action can read the committed writes and may
   * start a new unit. One that throws does not undo the commit, and the actions after it still run.
   *
   * <p>Shown by {@code UnitOfWorkContract#afterCommitWaitsForOutermostCommit}, {@code
   * UnitOfWorkContract#afterCommitSeesCommittedWrites}, {@code
   * UnitOfWorkContract#afterCommitRunsOnTheCommittingThread}, {@code
   * UnitOfWorkContract#afterCommitActionMayStartNewUnit}, {@code
   * UnitOfWorkContract#afterCommitNeverRunsOnRollback}, {@code
   * UnitOfWorkContract#failingAfterCommitActionKeepsCommit} and {@code
   * UnitOfWorkContract#afterCommitOutsideUnitThrows}.
   *
   * @throws IllegalStateException if no unit of work is active on this thread
   */
  void afterCommit(Runnable action);
}
