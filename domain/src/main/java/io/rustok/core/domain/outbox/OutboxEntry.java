package io.rustok.core.domain.outbox;

import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Operator's view of one stored event: its identity and delivery state, without the payload.
 *
 * @param attempts delivery attempts made so far
 * @param lastError error of the latest failed attempt
 * @param nextAttemptAt when a pending event becomes due again
 */
public record OutboxEntry(
    EventId id,
    String eventType,
    int schemaVersion,
    TenantId tenantId,
    UUID aggregateId,
    OutboxStatus status,
    int attempts,
    Optional<String> lastError,
    Instant createdAt,
    Optional<Instant> dispatchedAt,
    Optional<Instant> nextAttemptAt) {}
