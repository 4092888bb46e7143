package io.rustok.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.rustok.core.domain.content.NodeId;
import io.rustok.core.domain.content.NodeKind;
import io.rustok.core.domain.content.NodeStatus;
import io.rustok.core.domain.event.EventId;
import io.rustok.core.domain.shared.ActorId;
import io.rustok.core.domain.shared.CorrelationId;
import io.rustok.core.domain.shared.LocaleCode;
import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.shared.TraceParent;
import io.rustok.core.domain.shared.Uuids;
import io.rustok.core.domain.shared.ValidationException;
import io.rustok.core.domain.tenancy.HostName;
import io.rustok.core.domain.tenancy.TenantId;
import java.io.IOException;
import java.util.UUID;
import java.util.function.Function;

/**
 * Jackson module that writes the domain's single-value types as plain JSON strings ({@code "acme"},
 * not {@code {"value":"acme"}}) and reads them back through their validating constructors, so a
 * stored or received value is checked exactly as a new one would be.
 */
public final class DomainJsonModule extends SimpleModule {
  public DomainJsonModule() {
    super("rustok-domain");
    uuidValue(TenantId.class, TenantId::value, TenantId::new);
    uuidValue(NodeId.class, NodeId::value, NodeId::new);
    uuidValue(ActorId.class, ActorId::value, ActorId::new);
    uuidValue(EventId.class, EventId::value, EventId::new);
    textValue(Slug.class, Slug::value, Slug::new);
    textValue(LocaleCode.class, LocaleCode::value, LocaleCode::new);
    textValue(NodeKind.class, NodeKind::value, NodeKind::new);
    textValue(HostName.class, HostName::value, HostName::new);
    textValue(CorrelationId.class, CorrelationId::value, CorrelationId::new);
    textValue(TraceParent.class, TraceParent::value, TraceParent::new);
    textValue(NodeStatus.class, NodeStatus::wireName, text -> NodeStatus.parse(text, "status"));
  }

  private <T> void uuidValue(Class<T> type, Function<T, UUID> toUuid, Function<UUID, T> fromUuid) {
    textValue(
        type,
        value -> toUuid.apply(value).toString(),
        text -> fromUuid.apply(Uuids.parse(text, type.getSimpleName())));
  }

  private <T> void textValue(Class<T> type, Function<T, String> toText, Function<String, T> parse) {
    addSerializer(
        type,
        new JsonSerializer<T>() {
          @Override
          public void serialize(T value, JsonGenerator generator, SerializerProvider provider)
              throws IOException {
            generator.writeString(toText.apply(value));
          }
        });
    addDeserializer(
        type,
        new JsonDeserializer<T>() {
          @Override
          public T deserialize(JsonParser parser, DeserializationContext context)
              throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
              return context.reportInputMismatch(
                  type, "%s must be a JSON string", type.getSimpleName());
            }
            try {
              return parse.apply(parser.getText());
            } catch (ValidationException e) {
              return context.reportInputMismatch(type, "%s", e.getMessage());
            }
          }
        });
  }
}
