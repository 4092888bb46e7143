package io.rustok.core.adapters.inmemory;

import java.util.Comparator;
import java.util.UUID;

/**
 * Order of UUIDs as unsigned 128-bit numbers, which is also the order of their canonical text form.
 * {@link UUID#compareTo} compares signed halves instead, so it puts a UUID version 7 from after the
 * year 6429 before one from today.
 */
final class UnsignedUuidOrder {
  static final Comparator<UUID> ASCENDING =
      Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
          .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

  private UnsignedUuidOrder() {}
}
