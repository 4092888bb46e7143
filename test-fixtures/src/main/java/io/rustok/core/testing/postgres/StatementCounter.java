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
 *       executeLargeUpdate}, whether it succeeds or throws, and once more for every further
 *       statement of an SQL text that contains several, separated by semicolons outside quotes;
 *   <li>for every entry of a batch when {@code executeBatch} or {@code executeLargeBatch} runs,
 *       because the server executes each entry, even when the driver sends them in one round trip.
 * </ul>
 *
 * <p>{@link #requests()} counts the calls instead: one per {@code execute...} call, one per {@code
 * executeBatch} call. With the PostgreSQL driver each is one round trip to the server.
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
  private final AtomicLong requests = new AtomicLong();
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

  /**
   * Returns how many execute and batch calls sent statements: the requests to the server, however
   * many statements each held.
   */
  public long requests() {
    return requests.get();
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
    requests.set(0);
    executed.clear();
  }

  private void record(String sql) {
    if (sql == null) {
      total.incrementAndGet();
      return;
    }
    for (String statement : statementsOf(sql)) {
      total.incrementAndGet();
      executed.add(statement);
      for (String table : SqlTables.in(statement)) {
        byTable.computeIfAbsent(table, name -> new LongAdder()).increment();
      }
    }
  }

  /**
   * Splits {@code sql} at the semicolons outside quotes, as the PostgreSQL driver does, and drops
   * empty pieces; a text with no statement counts as one.
   */
  static List<String> statementsOf(String sql) {
    List<String> statements = new ArrayList<>();
    int start = 0;
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ';') {
        addStatement(statements, sql.substring(start, i));
        start = i + 1;
      }
    }
    addStatement(statements, sql.substring(start));
    return statements.isEmpty() ? List.of(sql.strip()) : statements;
  }

  private static void addStatement(List<String> statements, String piece) {
    String statement = piece.strip();
    if (!statement.isEmpty()) {
      statements.add(statement);
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
          requests.incrementAndGet();
          record(hasSqlArgument ? (String) args[0] : preparedSql);
        }
        case "addBatch" -> {
          boolean hasSqlArgument = args != null && args.length == 1 && args[0] instanceof String;
          batch.add(hasSqlArgument ? (String) args[0] : preparedSql);
        }
        case "executeBatch", "executeLargeBatch" -> {
          if (!batch.isEmpty()) {
            requests.incrementAndGet();
          }
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
