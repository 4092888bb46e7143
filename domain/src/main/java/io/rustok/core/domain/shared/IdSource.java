package io.rustok.core.domain.shared;

import java.util.UUID;

/** Source of new identifiers. Production uses {@link UuidV7}; tests may use a predictable one. */
@FunctionalInterface
public interface IdSource {
  /** Returns a new, never reused identifier. */
  UUID newId();
}
