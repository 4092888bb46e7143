package io.rustok.core.bootstrap;

import io.rustok.core.adapters.jooq.EnvelopeCodec;
import io.rustok.core.adapters.jooq.UnreadablePayloadException;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.json.EventEnvelopeCodec;
import io.rustok.core.json.UnreadableEventException;

/** Lets the PostgreSQL outbox store its payloads in the project's one JSON form of envelopes. */
final class JsonEnvelopeCodec implements EnvelopeCodec {
  private final EventEnvelopeCodec codec;

  JsonEnvelopeCodec(EventEnvelopeCodec codec) {
    this.codec = codec;
  }

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
