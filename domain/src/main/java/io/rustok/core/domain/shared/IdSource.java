package io.rustok.core.domain.shared;

import java.util.UUID;

/**
 * Source of new identifiers. Production uses {@link UuidV7}; tests may use a predictable one.
 *
 * <p>Shown by {@code UuidV7Test#idsCarryVersionVariantAndTimestamp}.
 */
@FunctionalInterface
public interface IdSource {
  /**
   * Returns an identifier that this source has not returned before.
   *
   * <p>Shown by {@code UuidV7Test#idsFromOneGeneratorStrictlyIncreaseWithinOneMillisecond}.
   */
  UUID newId();
}
