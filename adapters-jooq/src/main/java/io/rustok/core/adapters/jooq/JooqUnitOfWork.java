package io.rustok.core.adapters.jooq;

import io.rustok.core.adapters.jooq.UniqueViolations.Clash;
import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.UnitOfWork;
import java.lang.reflect.UndeclaredThrowableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Units of work as PostgreSQL transactions on connections from one {@link DataSource}.
 *
 * <p>Design note. The outermost {@link #execute} on a thread takes a connection from the pool,
 * turns autocommit off, binds the connection to the thread, runs the work, and commits; if the work
 * throws, it rolls back and rethrows. A nested {@code execute} on the same thread runs its work on
 * that same connection, with no savepoint: nothing commits before the outermost unit returns. If
 * nested work throws and the outer work catches the exception and returns normally, the unit still
 * rolls back and {@code execute} throws {@link IllegalStateException}, because a half-done use case
 * must not commit.
 *
 * <p>The repositories run their statements through {@link #dsl()}, or queue them with {@link
 * #defer}, as {@link JooqOutboxStore#append} does. The connection provider of {@link #dsl()}
 * returns the thread's unit connection while a unit is active. Outside a unit it takes a pooled
 * connection in autocommit for each statement. A repository write of several statements therefore
 * runs in a unit of its own, so it is never half-stored.
 *
 * <p>Deferred writes. Inserts whose outcome the caller does not need at once (a node with its
 * translations and bodies, outbox rows) are queued with {@link #defer} instead of being sent. The
 * queue goes to the server as one multi-statement request, so in one round trip, before the unit's
 * next statement of any kind and before the commit, or as soon as it contains {@value
 * #MAX_DEFERRED} statements. A statement that would take the queue over {@value #MAX_PARAMETERS}
 * bind parameters is queued after the queue has been sent. Statements run in the order they were
 * queued, and a read in the unit sees every write queued before it. A failure of a queued insert,
 * such as a taken slug, is thrown by whatever sends the queue: that next statement, or {@code
 * execute} at the commit. The unit then rolls back as for any other failure; if the work catches
 * the failure and returns normally, the unit rolls back all the same and {@code execute} throws
 * {@link IllegalStateException}.
 *
 * <p>The binding is per instance and per thread: work handed to another thread runs outside the
 * unit, and two instances over two pools never share a transaction. Transactions use the server's
 * default isolation level, READ COMMITTED unless configured otherwise, and lost updates are
 * prevented by the version checks of the repositories, not by isolation.
 *
 * <p>{@link #afterCommit} actions run on the committing thread after the connection has gone back
 * to the pool and the unit has ended, so an action may start a new unit. An action that throws is
 * logged at WARN and the remaining actions still run.
 */
public final class JooqUnitOfWork implements UnitOfWork {
  private static final Logger log = LoggerFactory.getLogger(JooqUnitOfWork.class);

  /** Queued statements at which the queue is sent without waiting for the next statement. */
  static final int MAX_DEFERRED = 64;

  /**
   * Maximum bind parameters of one request. PgJDBC 42.7 rejects a prepared statement with more than
   * 65,535 parameters in total, counting every statement of a multi-statement request.
   */
  static final int MAX_PARAMETERS = 65_535;

  private final DataSource dataSource;
  private final ThreadLocal<Unit> current = new ThreadLocal<>();
  private final DSLContext dsl;

  public JooqUnitOfWork(DataSource dataSource) {
    this.dataSource = Require.notNull(dataSource, "dataSource");
    this.dsl = DSL.using(new UnitConnectionProvider(), SQLDialect.POSTGRES);
  }

  @Override
  public <T> T execute(Supplier<T> work) {
    Require.notNull(work, "work");
    Unit unit = current.get();
    if (unit != null) {
      return runNested(unit, work);
    }
    return runOutermost(work);
  }

  @Override
  public boolean isActive() {
    return current.get() != null;
  }

  @Override
  public void afterCommit(Runnable action) {
    Require.notNull(action, "action");
    Unit unit = current.get();
    if (unit == null) {
      throw new IllegalStateException(
          "afterCommit needs an active unit of work on this thread: call it inside execute");
    }
    unit.afterCommit.add(action);
  }

  /**
   * Returns the jOOQ context that runs statements in the thread's current unit, or in autocommit on
   * a pooled connection when no unit is active.
   */
  DSLContext dsl() {
    return dsl;
  }

  /** Sets the parameters of one queued statement. */
  @FunctionalInterface
  interface Binder {
    /**
     * Sets this statement's parameters on {@code statement} from index {@code first} on, and
     * returns the index after the last one set.
     */
    int bind(PreparedStatement statement, int first) throws SQLException;
  }

  /**
   * Queues one statement of the thread's current unit, to be sent with the rest of the queue before
   * the unit's next statement or its commit (see the class notes).
   *
   * @param sql one statement with {@code ?} parameters, no semicolon, and no question mark other
   *     than those parameters, also not in quoted text
   * @param binder sets the statement's parameters when the queue is sent
   * @param clashes unique constraints the statement can violate, with the field to report
   * @throws IllegalStateException if no unit is active on this thread
   */
  void defer(String sql, Binder binder, Map<String, Clash> clashes) {
    Require.notNull(sql, "sql");
    Require.notNull(binder, "binder");
    Require.notNull(clashes, "clashes");
    Unit unit = current.get();
    if (unit == null) {
      throw new IllegalStateException(
          "A deferred write needs an active unit of work: call defer inside execute");
    }
    int parameters = countParameters(sql);
    if (unit.deferredParameters + parameters > MAX_PARAMETERS) {
      sendDeferred(unit);
    }
    unit.deferred.add(new Deferred(sql, binder, clashes));
    unit.deferredParameters += parameters;
    if (unit.deferred.size() >= MAX_DEFERRED) {
      sendDeferred(unit);
    }
  }

  /** Returns the pool this unit of work takes connections from. */
  DataSource dataSource() {
    return dataSource;
  }

  /** Returns the number of {@code ?} in {@code sql}, whose only question marks are parameters. */
  private static int countParameters(String sql) {
    int count = 0;
    for (int i = 0; i < sql.length(); i++) {
      if (sql.charAt(i) == '?') {
        count++;
      }
    }
    return count;
  }

  private <T> T runNested(Unit unit, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      if (unit.nestedFailure == null) {
        unit.nestedFailure = e;
      }
      throw e;
    }
  }

  private <T> T runOutermost(Supplier<T> work) {
    Unit unit = begin();
    current.set(unit);
    T result;
    try {
      result = work.get();
      if (unit.nestedFailure != null) {
        throw new IllegalStateException(
            "The unit of work was rolled back: work nested in it failed, and although the outer"
                + " work caught the failure, committing the rest would store a half-done change",
            unit.nestedFailure);
      }
      if (unit.deferredFailure != null) {
        throw new IllegalStateException(
            "The unit of work was rolled back: one of its writes failed, and although the work"
                + " caught the failure, committing the rest would store a half-done change",
            unit.deferredFailure);
      }
      sendDeferred(unit);
      commit(unit);
    } catch (Throwable failure) {
      rollback(unit, failure);
      throw rethrowable(failure);
    } finally {
      current.remove();
      close(unit);
    }
    runAfterCommit(unit.afterCommit);
    return result;
  }

  private Unit begin() {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new DataAccessException("Could not get a connection for a unit of work", e);
    }
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw new DataAccessException("Could not start a transaction", e);
    }
    return new Unit(connection);
  }

  /**
   * Sends the unit's queued statements in one request and empties the queue. A failure, including
   * one thrown by a binder before anything is sent, is remembered, so that the unit cannot commit
   * without the queued writes even if the work catches it.
   */
  private static void sendDeferred(Unit unit) {
    if (unit.deferred.isEmpty()) {
      return;
    }
    List<Deferred> queue = List.copyOf(unit.deferred);
    unit.deferred.clear();
    unit.deferredParameters = 0;
    StringBuilder sql = new StringBuilder();
    Map<String, Clash> clashes = new HashMap<>();
    for (Deferred statement : queue) {
      if (!sql.isEmpty()) {
        sql.append(";\n");
      }
      sql.append(statement.sql());
      clashes.putAll(statement.clashes());
    }
    try (PreparedStatement statement = unit.connection.prepareStatement(sql.toString())) {
      int parameter = 1;
      for (Deferred deferred : queue) {
        parameter = deferred.binder().bind(statement, parameter);
      }
      statement.execute();
    } catch (SQLException e) {
      RuntimeException failure =
          UniqueViolations.translate(
              new DataAccessException("A write of the unit of work failed: " + e.getMessage(), e),
              clashes);
      unit.deferredFailure = failure;
      throw failure;
    } catch (RuntimeException | Error e) {
      unit.deferredFailure = e;
      throw e;
    }
  }

  private static void commit(Unit unit) {
    try {
      unit.connection.commit();
    } catch (SQLException e) {
      throw new DataAccessException("Commit of a unit of work failed", e);
    }
    log.debug("Unit of work committed");
  }

  private static void rollback(Unit unit, Throwable cause) {
    try {
      unit.connection.rollback();
      log.debug("Unit of work rolled back after {}", cause.toString());
    } catch (SQLException e) {
      log.warn("Rollback of a unit of work failed; the pool discards the connection", e);
      cause.addSuppressed(e);
    }
  }

  private static void close(Unit unit) {
    try {
      unit.connection.setAutoCommit(true);
    } catch (SQLException e) {
      log.warn("Could not restore autocommit on a connection leaving a unit of work", e);
    }
    try {
      unit.connection.close();
    } catch (SQLException e) {
      log.warn("Could not return a connection to the pool", e);
    }
  }

  private static void runAfterCommit(List<Runnable> actions) {
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        log.warn("After-commit action failed; the commit is kept", e);
      }
    }
  }

  private static RuntimeException rethrowable(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new UndeclaredThrowableException(failure);
  }

  private record Deferred(String sql, Binder binder, Map<String, Clash> clashes) {}

  private static final class Unit {
    final Connection connection;
    final List<Runnable> afterCommit = new ArrayList<>();
    final List<Deferred> deferred = new ArrayList<>();
    int deferredParameters;
    Throwable nestedFailure;
    Throwable deferredFailure;

    Unit(Connection connection) {
      this.connection = connection;
    }
  }

  /** Hands jOOQ the thread's unit connection, or a pooled autocommit connection outside a unit. */
  private final class UnitConnectionProvider implements ConnectionProvider {
    @Override
    public Connection acquire() {
      Unit unit = current.get();
      if (unit != null) {
        sendDeferred(unit);
        return unit.connection;
      }
      try {
        return dataSource.getConnection();
      } catch (SQLException e) {
        throw new DataAccessException("Could not get a connection", e);
      }
    }

    @Override
    public void release(Connection connection) {
      Unit unit = current.get();
      if (unit != null && unit.connection == connection) {
        return;
      }
      try {
        connection.close();
      } catch (SQLException e) {
        throw new DataAccessException("Could not return a connection to the pool", e);
      }
    }
  }
}
