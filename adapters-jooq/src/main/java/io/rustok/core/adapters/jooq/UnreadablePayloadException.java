package io.rustok.core.adapters.jooq;

/** A stored event payload that an {@link EnvelopeCodec} cannot turn into an envelope. */
public final class UnreadablePayloadException extends Exception {
  public UnreadablePayloadException(String reason) {
    super(reason);
  }

  public UnreadablePayloadException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
