package io.rustok.core.application.archviolation;

import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.outbox.EventTransport;
import java.util.List;

/**
 * A use case that hands its events straight to the transport, as a careless change would, so they
 * could leave before the change commits. It lives in the tests only, so that the architecture test
 * can show that its transport rule rejects it.
 */
public final class UseCaseCallingTheTransport {
  private final EventTransport transport;

  public UseCaseCallingTheTransport(EventTransport transport) {
    this.transport = transport;
  }

  public void publish(List<EventEnvelope> events) {
    transport.deliver(events);
  }
}
