package io.rustok.core.domain.shared;

import java.util.function.Supplier;

/**
 * One atomic unit of writes: everything that repositories and the event outbox write while {@code
 * work} runs is committed together when it returns, or discarded together when it throws.
 *
 * <p>Units are bound to the calling thread. A unit started while another is active on the same
 * thread joins the outer one: nothing commits until the outermost unit returns, and a failure
 * anywhere discards all of it. Work must not hand writes to other threads, because those run
 * outside the unit.
 */
public interface UnitOfWork {
  /**
   * Runs {@code work} inside a unit of work and commits it.
   *
   * @return what {@code work} returned
   * @throws RuntimeException whatever {@code work} threw, after the unit was rolled back
   */
  <T> T execute(Supplier<T> work);

  /** Returns whether the calling thread is inside a unit of work. */
  boolean isActive();

  /**
   * Registers an action to run once after the current unit commits, and never if it rolls back.
   * Actions run on the committing thread; one that throws is logged by the adapter and does not
   * undo the commit.
   *
   * @throws IllegalStateException if no unit of work is active on this thread
   */
  void afterCommit(Runnable action);
}
