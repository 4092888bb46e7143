package io.rustok.core.adapters.jooq;

import io.rustok.core.testing.contract.Adapters;
import io.rustok.core.testing.postgres.PostgresExtension;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The jOOQ adapters as the contract suites take them, on a test database whose tables are emptied
 * first. The database and its pool belong to the extension, so closing the adapters releases
 * nothing.
 */
final class ContractAdapters {
  private static final EnvelopeCodec CODEC = new EventJsonCodec();

  private ContractAdapters() {}

  /** Returns the adapters as {@link JooqAdapters#using} wires them. */
  static Adapters on(PostgresExtension db) {
    db.truncateAllTables();
    JooqAdapters jooq = JooqAdapters.using(db.dataSource(), CODEC);
    return Adapters.of(
        jooq.unitOfWork(), jooq.tenants(), jooq.nodes(), jooq.outbox(), jooq.outbox());
  }

  /**
   * Returns the adapters with an outbox store whose time runs {@code clockShift} ahead of the
   * database's {@code now()}, sharing the unit of work of the other adapters.
   */
  static Adapters on(PostgresExtension db, Supplier<Duration> clockShift) {
    db.truncateAllTables();
    JooqAdapters jooq = JooqAdapters.using(db.dataSource(), CODEC);
    JooqOutboxStore outbox = new JooqOutboxStore(jooq.unitOfWork(), CODEC, clockShift);
    return Adapters.of(jooq.unitOfWork(), jooq.tenants(), jooq.nodes(), outbox, outbox);
  }
}
