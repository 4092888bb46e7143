package io.rustok.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.domain.shared.UuidV7;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {

  @Test
  void idsCarryVersionVariantAndTimestamp() {
    Instant now = Instant.parse("2026-12-04T10:00:00.123Z");
    UuidV7 ids = new UuidV7(Clock.fixed(now, ZoneOffset.UTC));

    UUID id = ids.newId();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(UuidV7.timestampMillis(id)).isEqualTo(now.toEpochMilli());
  }

  @Test
  void idsFromOneGeneratorStrictlyIncreaseWithinOneMillisecond() {
    UuidV7 ids = new UuidV7(Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));
    List<UUID> generated = new ArrayList<>();

    for (int i = 0; i < 10_000; i++) {
      generated.add(ids.newId());
    }

    for (int i = 1; i < generated.size(); i++) {
      assertThat(unsignedCompare(generated.get(i - 1), generated.get(i))).isNegative();
    }
  }

  private static int unsignedCompare(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
