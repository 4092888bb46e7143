package io.rustok.core.adapters.jooq;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.rustok.core.domain.shared.Require;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The PostgreSQL adapters wired on one connection pool: a unit of work, the tenant and node
 * repositories and the outbox store, all sharing the unit of work's transactions.
 *
 * <p>{@link #start} builds a HikariCP pool from a {@link PostgresConfig}, applies the migrations
 * unless disabled, and closes the pool in {@link #close()}. {@link #using} wires the adapters on a
 * data source that the caller owns, such as a test database, and neither migrates nor closes it.
 */
public final class JooqAdapters implements AutoCloseable {
  private final DataSource dataSource;
  private final Optional<HikariDataSource> ownedPool;
  private final JooqUnitOfWork unitOfWork;
  private final JooqTenantRepository tenants;
  private final JooqNodeRepository nodes;
  private final JooqOutboxStore outbox;

  private JooqAdapters(
      DataSource dataSource, Optional<HikariDataSource> ownedPool, EnvelopeCodec codec) {
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
    this.unitOfWork = new JooqUnitOfWork(dataSource);
    this.tenants = new JooqTenantRepository(unitOfWork);
    this.nodes = new JooqNodeRepository(unitOfWork);
    this.outbox = new JooqOutboxStore(unitOfWork, codec);
  }

  /**
   * Applies the migrations if {@link PostgresConfig#migrate()} is set, then opens the pool.
   *
   * @throws org.flywaydb.core.api.FlywayException if a migration fails
   * @throws com.zaxxer.hikari.pool.HikariPool.PoolInitializationException if the database cannot be
   *     reached
   */
  public static JooqAdapters start(PostgresConfig config, EnvelopeCodec codec) {
    Require.notNull(config, "config");
    Require.notNull(codec, "codec");
    if (config.migrate()) {
      PostgresMigrations.migrate(config);
    }
    HikariDataSource pool = new HikariDataSource(poolConfig(config));
    return new JooqAdapters(pool, Optional.of(pool), codec);
  }

  /** Wires the adapters on a data source that hands out connections in autocommit mode. */
  public static JooqAdapters using(DataSource dataSource, EnvelopeCodec codec) {
    Require.notNull(dataSource, "dataSource");
    Require.notNull(codec, "codec");
    return new JooqAdapters(dataSource, Optional.empty(), codec);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public JooqUnitOfWork unitOfWork() {
    return unitOfWork;
  }

  public JooqTenantRepository tenants() {
    return tenants;
  }

  public JooqNodeRepository nodes() {
    return nodes;
  }

  /**
   * Returns the outbox store, which is both the {@code EventOutbox} and the {@code OutboxStore}.
   */
  public JooqOutboxStore outbox() {
    return outbox;
  }

  /**
   * Closes the pool if {@link #start} opened it; a data source given to {@link #using} stays open.
   */
  @Override
  public void close() {
    ownedPool.ifPresent(HikariDataSource::close);
  }

  static HikariConfig poolConfig(PostgresConfig config) {
    HikariConfig pool = new HikariConfig();
    pool.setPoolName("rustok-postgres");
    pool.setJdbcUrl(config.jdbcUrl());
    config.username().ifPresent(pool::setUsername);
    config.password().ifPresent(pool::setPassword);
    pool.setMaximumPoolSize(config.maximumPoolSize());
    pool.setConnectionTimeout(config.connectionTimeout().toMillis());
    pool.setAutoCommit(true);
    pool.setConnectionInitSql("SET statement_timeout = " + config.statementTimeout().toMillis());
    return pool;
  }
}
