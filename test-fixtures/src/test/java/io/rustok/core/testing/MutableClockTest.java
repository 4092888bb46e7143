package io.rustok.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  @Test
  void createdClockStartsAtDefaultInstant() {
    MutableClock clock = MutableClock.create();

    assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(clock.millis()).isEqualTo(MutableClock.DEFAULT_START.toEpochMilli());
  }

  @Test
  void clockStandsStillUntilAdvanced() {
    MutableClock clock = MutableClock.startingAt(Instant.parse("2030-05-06T07:08:09Z"));

    Instant first = clock.instant();
    Instant second = clock.instant();
    Instant advanced = clock.advance(Duration.ofMinutes(5));

    assertThat(second).isEqualTo(first);
    assertThat(advanced).isEqualTo(Instant.parse("2030-05-06T07:13:09Z"));
    assertThat(clock.instant()).isEqualTo(advanced);
  }

  @Test
  void advanceRejectsNegativeAmount() {
    MutableClock clock = MutableClock.create();

    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.instant()).isEqualTo(MutableClock.DEFAULT_START);
  }

  @Test
  void setMayMoveClockBack() {
    MutableClock clock = MutableClock.create();
    Instant earlier = MutableClock.DEFAULT_START.minusSeconds(3600);

    clock.set(earlier);

    assertThat(clock.instant()).isEqualTo(earlier);
  }

  @Test
  void clockWithOtherZoneSharesTime() {
    MutableClock clock = MutableClock.create();
    Clock inParis = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofSeconds(42));

    assertThat(inParis.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(inParis.instant()).isEqualTo(clock.instant());
  }
}
