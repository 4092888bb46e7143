package io.rustok.core.testing.contract;

import io.rustok.core.domain.content.NodeRepository;
import io.rustok.core.domain.outbox.EventOutbox;
import io.rustok.core.domain.outbox.OutboxStore;
import io.rustok.core.domain.shared.UnitOfWork;
import io.rustok.core.domain.tenancy.TenantRepository;
import java.util.Objects;

/**
 * The ports of one store, as the contract suites use them: every adapter here must share one unit
 * of work, so a unit that writes through several of them commits or rolls back all of it.
 *
 * @param onClose releases what the adapters hold, such as a connection pool; the suites call it
 *     after each test
 */
public record Adapters(
    UnitOfWork unitOfWork,
    TenantRepository tenants,
    NodeRepository nodes,
    EventOutbox outbox,
    OutboxStore outboxStore,
    AutoCloseable onClose) {
  public Adapters {
    Objects.requireNonNull(unitOfWork, "unitOfWork");
    Objects.requireNonNull(tenants, "tenants");
    Objects.requireNonNull(nodes, "nodes");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(outboxStore, "outboxStore");
    Objects.requireNonNull(onClose, "onClose");
  }

  /** Returns adapters that hold nothing to release. */
  public static Adapters of(
      UnitOfWork unitOfWork,
      TenantRepository tenants,
      NodeRepository nodes,
      EventOutbox outbox,
      OutboxStore outboxStore) {
    return new Adapters(unitOfWork, tenants, nodes, outbox, outboxStore, () -> {});
  }
}
