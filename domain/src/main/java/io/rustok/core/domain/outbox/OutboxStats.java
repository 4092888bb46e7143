package io.rustok.core.domain.outbox;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts of stored events by status and the age of the oldest pending event, empty when none is
 * pending.
 */
public record OutboxStats(
    long pending, long dispatched, long failed, Optional<Duration> oldestPendingAge) {}
