package io.rustok.core.adapters.jooq;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.json.EventEnvelopeCodec;
import io.rustok.core.json.UnreadableEventException;

/** The service's JSON codec from the event-json module, as the outbox store takes it. */
final class EventJsonCodec implements EnvelopeCodec {
  private final EventEnvelopeCodec codec = new EventEnvelopeCodec();

  @Override
  public String encode(EventEnvelope envelope) {
    return codec.encode(envelope);
  }

  @Override
  public EventEnvelope decode(String json) throws UnreadablePayloadException {
    try {
      return codec.decode(json);
    } catch (UnreadableEventException e) {
      throw new UnreadablePayloadException(e.getMessage(), e);
    }
  }
}
