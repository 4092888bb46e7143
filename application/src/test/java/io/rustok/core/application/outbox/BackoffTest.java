package io.rustok.core.application.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

  @Test
  void nominalDelayDoublesUpToTheCap() {
    assertThat(backoff.nominalAfter(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.nominalAfter(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.nominalAfter(6)).isEqualTo(Duration.ofMillis(3200));
    assertThat(backoff.nominalAfter(7)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.nominalAfter(1000)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void jitteredDelayStaysInUpperHalfOfNominal() {
    RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

    for (int attempt = 1; attempt <= 10; attempt++) {
      Duration nominal = backoff.nominalAfter(attempt);
      for (int sample = 0; sample < 200; sample++) {
        assertThat(backoff.delayAfter(attempt, random)).isBetween(nominal.dividedBy(2), nominal);
      }
    }
  }
}
