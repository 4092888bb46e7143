package io.rustok.core.benchmarks;

import io.rustok.core.adapters.jooq.EnvelopeCodec;
import io.rustok.core.adapters.jooq.UnreadablePayloadException;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.json.EventEnvelopeCodec;
import io.rustok.core.json.UnreadableEventException;

/** The JSON codec of the event-json module, in the shape the PostgreSQL outbox store expects. */
final class EventJsonEnvelopeCodec implements EnvelopeCodec {
  private final EventEnvelopeCodec json = new EventEnvelopeCodec();

  @Override
  public String encode(EventEnvelope envelope) {
    return json.encode(envelope);
  }

  @Override
  public EventEnvelope decode(String payload) throws UnreadablePayloadException {
    try {
      return json.decode(payload);
    } catch (UnreadableEventException e) {
      throw new UnreadablePayloadException(e.getMessage(), e);
    }
  }
}
