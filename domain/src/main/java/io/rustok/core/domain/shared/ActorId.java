package io.rustok.core.domain.shared;

import java.util.UUID;

/** Identifier of the user or system that performs a change. */
public record ActorId(UUID value) {
  public ActorId {
    Require.notNull(value, "value");
  }

  /** Parses the canonical UUID text form; anything else is a {@link ValidationException}. */
  public static ActorId parse(String text, String field) {
    return new ActorId(Uuids.parse(text, field));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
