package io.rustok.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.domain.shared.UuidV7;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SequentialIdSourceTest {

  @Test
  void firstIdsArePredictable() {
    SequentialIdSource ids = SequentialIdSource.create();

    UUID first = ids.newId();
    UUID second = ids.newId();

    assertThat(first).hasToString("01941f29-7c00-7000-8000-000000000001");
    assertThat(second).hasToString("01941f29-7c01-7000-8000-000000000002");
    assertThat(ids.issuedCount()).isEqualTo(2);
  }

  @Test
  void idsAreVersion7WithTheirTimestamp() {
    SequentialIdSource ids = SequentialIdSource.create();

    UUID first = ids.newId();
    UUID second = ids.newId();

    assertThat(first.version()).isEqualTo(7);
    assertThat(first.variant()).isEqualTo(2);
    assertThat(UuidV7.timestampMillis(first)).isEqualTo(MutableClock.DEFAULT_START.toEpochMilli());
    assertThat(UuidV7.timestampMillis(second)).isEqualTo(UuidV7.timestampMillis(first) + 1);
  }

  @Test
  void idsSortInCreationOrderAsText() {
    SequentialIdSource ids = SequentialIdSource.startingAtMillis(0x7FFF_FFFF_FFF0L);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      created.add(ids.newId().toString());
    }

    assertThat(created).isSorted();
    assertThat(UUID.fromString(created.getLast()).getMostSignificantBits()).isNegative();
  }

  @Test
  void separateSourcesRepeatTheSameIds() {
    UUID fromFirst = SequentialIdSource.create().newId();
    UUID fromSecond = SequentialIdSource.create().newId();

    assertThat(fromSecond).isEqualTo(fromFirst);
  }
}
