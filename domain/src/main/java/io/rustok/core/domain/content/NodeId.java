package io.rustok.core.domain.content;

import io.rustok.core.domain.shared.Require;
import io.rustok.core.domain.shared.Uuids;
import io.rustok.core.domain.shared.ValidationException;
import java.util.UUID;

/** Identifier of a content node. */
public record NodeId(UUID value) {
  public NodeId {
    Require.notNull(value, "value");
  }

  /** Parses the canonical UUID text form; anything else is a {@link ValidationException}. */
  public static NodeId parse(String text, String field) {
    return new NodeId(Uuids.parse(text, field));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
