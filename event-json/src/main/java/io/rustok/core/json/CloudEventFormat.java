package io.rustok.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rustok.core.domain.event.EventEnvelope;
import io.rustok.core.domain.shared.Require;
import java.net.URI;

/**
 * Writes event envelopes as CloudEvents 1.0 in the JSON event format, structured mode ({@value
 * #MEDIA_TYPE}): the form in which events leave the service.
 *
 * <p>Attributes:
 *
 * <ul>
 *   <li>{@code specversion} {@code 1.0}; {@code id} the event id; {@code source} the configured
 *       service URI; {@code type} the event type, such as {@code node.created}; {@code time} when
 *       the change happened (RFC 3339, UTC); {@code subject} the id of the node or tenant.
 *   <li>{@code datacontenttype} {@code application/json} and {@code dataschema} the {@code $id} of
 *       the event's JSON Schema in {@link EventSchemaCatalog}, for its type and version.
 *   <li>Extensions: {@code tenantid}, {@code correlationid}, {@code schemaversion} (an integer),
 *       and, when the envelope has them, {@code actorid}, {@code causationid} and {@code
 *       traceparent} (the W3C trace context, as the CloudEvents distributed tracing extension names
 *       it). An absent value is left out, never written as {@code null}.
 *   <li>{@code data} the event record, as {@link EventEnvelopeCodec} writes it.
 * </ul>
 *
 * <p>Events are always at their type's current schema version here, because the outbox upcasts
 * older ones when it reads them. Instances are thread-safe.
 */
public final class CloudEventFormat {
  /** Media type of one event in the structured JSON mode. */
  public static final String MEDIA_TYPE = "application/cloudevents+json";

  /** CloudEvents specification version that this format writes. */
  public static final String SPEC_VERSION = "1.0";

  /** Source used unless the service is configured with another. */
  public static final URI DEFAULT_SOURCE = URI.create("urn:rustok:core");

  private final URI source;
  private final ObjectMapper mapper = EventEnvelopeCodec.newMapper();
  private final EventEnvelopeCodec codec = new EventEnvelopeCodec();

  /**
   * Creates a format whose events name {@code source} as their origin.
   *
   * @throws IllegalArgumentException if the source is empty
   */
  public CloudEventFormat(URI source) {
    Require.notNull(source, "source");
    if (source.toString().isEmpty()) {
      throw new IllegalArgumentException("source must be a non-empty URI reference");
    }
    this.source = source;
  }

  public URI source() {
    return source;
  }

  public ObjectNode toTree(EventEnvelope envelope) {
    ObjectNode event = mapper.createObjectNode();
    event.put("specversion", SPEC_VERSION);
    event.put("id", envelope.eventId().toString());
    event.put("source", source.toString());
    event.put("type", envelope.eventType());
    event.put("time", envelope.occurredAt().toString());
    event.put("subject", envelope.aggregateId().toString());
    event.put("datacontenttype", "application/json");
    event.put(
        "dataschema",
        EventSchemaCatalog.uriOf(envelope.eventType(), envelope.schemaVersion()).toString());
    event.put("tenantid", envelope.tenantId().toString());
    envelope.actorId().ifPresent(actor -> event.put("actorid", actor.toString()));
    event.put("correlationid", envelope.correlationId().value());
    envelope.causationId().ifPresent(cause -> event.put("causationid", cause.toString()));
    envelope.traceParent().ifPresent(trace -> event.put("traceparent", trace.value()));
    event.put("schemaversion", envelope.schemaVersion());
    event.set("data", codec.dataTree(envelope.event()));
    return event;
  }

  public String encode(EventEnvelope envelope) {
    try {
      return mapper.writeValueAsString(toTree(envelope));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode event " + envelope.eventId(), e);
    }
  }
}
