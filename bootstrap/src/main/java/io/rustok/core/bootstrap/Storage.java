package io.rustok.core.bootstrap;

import io.rustok.core.domain.content.NodeRepository;
import io.rustok.core.domain.outbox.EventOutbox;
import io.rustok.core.domain.outbox.OutboxStore;
import io.rustok.core.domain.shared.UnitOfWork;
import io.rustok.core.domain.tenancy.TenantRepository;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * The storage adapters the service runs on, whichever technology provides them.
 *
 * @param readiness whether the storage can serve requests now
 * @param closer releases what the storage holds, such as a connection pool
 * @param sharedDatabase the PostgreSQL pool, whose database other instances may share; empty in
 *     memory mode
 */
record Storage(
    UnitOfWork unitOfWork,
    TenantRepository tenants,
    NodeRepository nodes,
    EventOutbox outbox,
    OutboxStore outboxStore,
    BooleanSupplier readiness,
    AutoCloseable closer,
    Optional<DataSource> sharedDatabase) {}
