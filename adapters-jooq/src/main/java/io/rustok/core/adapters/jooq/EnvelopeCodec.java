package io.rustok.core.adapters.jooq;

import io.rustok.core.domain.event.EventEnvelope;

/**
 * JSON form of an event envelope, as stored in the {@code payload} column of {@code sys_events}.
 *
 * <p>The stored JSON is an object with at least the top-level fields {@code eventId}, {@code
 * eventType}, {@code schemaVersion}, {@code tenantId}, {@code aggregateType}, {@code aggregateId},
 * {@code occurredAt}, {@code correlationId}, {@code actorId}, {@code causationId}, {@code
 * traceparent} and {@code data}. The outbox store reads {@code tenantId} and {@code aggregateId}
 * from it for operators, and migration V2 read {@code eventType} and {@code schemaVersion}.
 */
public interface EnvelopeCodec {
  /** Encodes the envelope as a JSON object. */
  String encode(EventEnvelope envelope);

  /**
   * Decodes a stored payload, upcasting older schema versions if the codec supports them.
   *
   * @throws UnreadablePayloadException if this version of the code cannot read the payload: an
   *     unknown event type or schema version, or a damaged document
   */
  EventEnvelope decode(String json) throws UnreadablePayloadException;
}
