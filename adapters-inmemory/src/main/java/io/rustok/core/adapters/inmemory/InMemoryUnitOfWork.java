package io.rustok.core.adapters.inmemory;

import io.rustok.core.domain.shared.UnitOfWork;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unit of work over the in-memory repositories and outbox that share this instance.
 *
 * <p>Design note. One read-write lock guards every map of every adapter built on this instance. A
 * unit of work holds the write lock from start to end, so units run one after another
 * (serialisable). A read outside a unit takes the read lock, so it waits for a running unit to end
 * instead of seeing its uncommitted writes. Each write inside a unit records an undo action in the
 * unit's journal. Rollback runs the journal backwards, which restores the exact state before the
 * unit because no other writer ran in between. Commit drops the journal, releases the lock and then
 * runs the after-commit actions, so an action may start a new unit or wake a thread that reads.
 *
 * <p>What it guarantees: atomic commit or rollback of every adapter write, no dirty reads, nested
 * units joining the outer one, after-commit actions only after the outermost commit. What it does
 * not: durability (everything is lost with the process) and concurrency between writers. The single
 * lock trades throughput for obviously correct isolation, which is what an in-memory mode for tests
 * and single-instance demos needs.
 *
 * <p>Note that work running in a unit must not wait for another thread that reads or writes this
 * store, because that thread blocks until the unit ends, so the two would wait for each other.
 *
 * <p>A nested unit that throws marks the whole unit for rollback even if the outer work catches the
 * exception; the outermost {@link #execute} then rolls back and throws {@link
 * IllegalStateException} with the nested failure as its cause, so a caller never believes that half
 * of a unit committed.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {
  private static final Logger log = LoggerFactory.getLogger(InMemoryUnitOfWork.class);

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final ThreadLocal<Unit> current = new ThreadLocal<>();

  @Override
  public <T> T execute(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    Unit outer = current.get();
    if (outer != null) {
      return joinOuter(outer, work);
    }
    lock.writeLock().lock();
    Unit unit = new Unit();
    current.set(unit);
    T result;
    try {
      result = work.get();
      if (unit.nestedFailure != null) {
        throw new IllegalStateException(
            "unit of work rolled back because a nested unit failed", unit.nestedFailure);
      }
    } catch (Throwable failure) {
      rollback(unit, failure);
      current.remove();
      lock.writeLock().unlock();
      throw failure;
    }
    current.remove();
    lock.writeLock().unlock();
    runAfterCommit(unit.afterCommit);
    return result;
  }

  private static <T> T joinOuter(Unit outer, Supplier<T> work) {
    try {
      return work.get();
    } catch (Throwable failure) {
      if (outer.nestedFailure == null) {
        outer.nestedFailure = failure;
      }
      throw failure;
    }
  }

  @Override
  public boolean isActive() {
    return current.get() != null;
  }

  @Override
  public void afterCommit(Runnable action) {
    Objects.requireNonNull(action, "action");
    requireActive("register an after-commit action");
    current.get().afterCommit.add(action);
  }

  /**
   * Runs a read under the read lock, so it waits for a unit running on another thread to end.
   * Inside a unit it reads the unit's own writes.
   */
  <T> T read(Supplier<T> query) {
    lock.readLock().lock();
    try {
      return query.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Runs a write inside the current unit, or in a unit of its own when none is active. The write
   * must record its undo with {@link #recordUndo} after each change.
   */
  <T> T write(Supplier<T> change) {
    Unit unit = current.get();
    if (unit != null) {
      return change.get();
    }
    return execute(change);
  }

  /** Records how to undo a change that the current unit just made. */
  void recordUndo(Runnable undo) {
    requireActive("record a write");
    current.get().undo.push(undo);
  }

  /**
   * Throws {@link IllegalStateException} unless a unit of work is active on the calling thread.
   *
   * @param operation what the caller tried to do, for the message
   */
  void requireActive(String operation) {
    if (current.get() == null) {
      throw new IllegalStateException(
          "cannot " + operation + " outside a unit of work; run it inside UnitOfWork.execute");
    }
  }

  private static void rollback(Unit unit, Throwable failure) {
    int undone = 0;
    while (!unit.undo.isEmpty()) {
      Runnable undo = unit.undo.pop();
      try {
        undo.run();
        undone++;
      } catch (RuntimeException undoFailure) {
        failure.addSuppressed(undoFailure);
      }
    }
    log.debug("Rolled back unit of work undone_writes={}", undone);
  }

  private static void runAfterCommit(List<Runnable> actions) {
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        log.warn(
            "After-commit action failed; the unit stays committed and later actions still run", e);
      }
    }
  }

  /** State of the unit running on one thread. */
  private static final class Unit {
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private Throwable nestedFailure;
  }
}
