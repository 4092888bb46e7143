package io.rustok.core.testing.postgres;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Counts the SQL statements that code sends through a wrapped {@link DataSource}, in total and per
 * table.
 *
 * <p>{@link #wrap} returns a {@link java.lang.reflect.Proxy} data source whose connections hand out
 * proxy {@link Statement}, {@link PreparedStatement} and {@link CallableStatement} objects. One
 * execution is counted:
 *
 * <ul>
 *   <li>for every call of {@code execute}, {@code executeQuery}, {@code executeUpdate} or {@code
 *       executeLargeUpdate}, whether it succeeds or throws;
 *   <li>for every entry of a batch when {@code executeBatch} or {@code executeLargeBatch} runs,
 *       because the server executes each entry, even when the driver sends them in one round trip.
 * </ul>
 *
 * <p>Each execution adds one to the count of every table its SQL text names, as {@link SqlTables}
 * finds them: by pattern, not by parsing, so read its limits before relying on an unusual query.
 * Transaction control through {@link Connection#commit()}, {@link Connection#rollback()} and {@link
 * Connection#setAutoCommit} is not counted, and nor is anything sent through a connection that did
 * not come from a wrapped data source. One counter may wrap several data sources.
 */
public final class StatementCounter {
  private final Map<String, LongAdder> byTable = new ConcurrentHashMap<>();
  private final AtomicLong total = new AtomicLong();
  private final ConcurrentLinkedQueue<String> executed = new ConcurrentLinkedQueue<>();

  /** Returns a data source that counts here every statement run through its connections. */
  public DataSource wrap(DataSource target) {
    Objects.requireNonNull(target, "target");
    return proxy(DataSource.class, target, new DataSourceHandler(target));
  }

  /** Returns how many executions named {@code table}; the name is matched as {@link SqlTables}. */
  public long count(String table) {
    LongAdder adder = byTable.get(table);
    return adder == null ? 0 : adder.sum();
  }

  /** Returns how many executions were counted, including those that named no table. */
  public long total() {
    return total.get();
  }

  /** Returns a snapshot of the count per table, sorted by table name. */
  public Map<String, Long> byTable() {
    Map<String, Long> snapshot = new TreeMap<>();
    byTable.forEach((table, adder) -> snapshot.put(table, adder.sum()));
    return snapshot;
  }

  /** Returns the SQL text of every counted execution, oldest first. */
  public List<String> statements() {
    return List.copyOf(new ArrayList<>(executed));
  }

  /** Sets every count to zero and clears the recorded statements. */
  public void reset() {
    byTable.clear();
    total.set(0);
    executed.clear();
  }

  private void record(String sql) {
    total.incrementAndGet();
    if (sql == null) {
      return;
    }
    executed.add(sql);
    for (String table : SqlTables.in(sql)) {
      byTable.computeIfAbsent(table, name -> new LongAdder()).increment();
    }
  }

  private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
    Object proxy =
        Proxy.newProxyInstance(
            StatementCounter.class.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              switch (method.getName()) {
                case "equals":
                  if (method.getParameterCount() == 1) {
                    return self == args[0];
                  }
                  break;
                case "hashCode":
                  if (method.getParameterCount() == 0) {
                    return System.identityHashCode(self);
                  }
                  break;
                case "toString":
                  if (method.getParameterCount() == 0) {
                    return "counted " + target;
                  }
                  break;
                default:
                  break;
              }
              return handler.invoke(self, method, args);
            });
    return type.cast(proxy);
  }

  private static Object forward(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private final class DataSourceHandler implements InvocationHandler {
    private final DataSource target;

    DataSourceHandler(DataSource target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      Object result = forward(target, method, args);
      if (method.getName().equals("getConnection")) {
        Connection connection = (Connection) result;
        return proxy(Connection.class, connection, new ConnectionHandler(connection));
      }
      return result;
    }
  }

  private final class ConnectionHandler implements InvocationHandler {
    private final Connection target;

    ConnectionHandler(Connection target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      Object result = forward(target, method, args);
      return switch (method.getName()) {
        case "createStatement" ->
            proxy(
                Statement.class,
                result,
                new StatementHandler((Statement) result, (Connection) self, null));
        case "prepareStatement" ->
            proxy(
                PreparedStatement.class,
                result,
                new StatementHandler((Statement) result, (Connection) self, (String) args[0]));
        case "prepareCall" ->
            proxy(
                CallableStatement.class,
                result,
                new StatementHandler((Statement) result, (Connection) self, (String) args[0]));
        default -> result;
      };
    }
  }

  /** Counts executions of one statement; {@code preparedSql} is null for a plain statement. */
  private final class StatementHandler implements InvocationHandler {
    private final Statement target;
    private final Connection connection;
    private final String preparedSql;
    private final List<String> batch = new ArrayList<>();

    StatementHandler(Statement target, Connection connection, String preparedSql) {
      this.target = target;
      this.connection = connection;
      this.preparedSql = preparedSql;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> {
          boolean hasSqlArgument = args != null && args.length > 0 && args[0] instanceof String;
          record(hasSqlArgument ? (String) args[0] : preparedSql);
        }
        case "addBatch" -> {
          boolean hasSqlArgument = args != null && args.length == 1 && args[0] instanceof String;
          batch.add(hasSqlArgument ? (String) args[0] : preparedSql);
        }
        case "executeBatch", "executeLargeBatch" -> {
          batch.forEach(StatementCounter.this::record);
          batch.clear();
        }
        case "clearBatch" -> batch.clear();
        case "getConnection" -> {
          return connection;
        }
        default -> {}
      }
      return forward(target, method, args);
    }
  }
}
