package io.rustok.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.domain.shared.Slug;
import io.rustok.core.domain.tenancy.HostName;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UniqueTest {

  @Test
  void slugsAreDistinctAndKeepPrefix() {
    Set<Slug> slugs = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      slugs.add(Unique.slug("tenant"));
    }

    assertThat(slugs).hasSize(100);
    assertThat(slugs).allSatisfy(slug -> assertThat(slug.value()).startsWith("tenant-"));
  }

  @Test
  void hostNamesAreDistinctUnderReservedDomain() {
    HostName first = Unique.hostName();
    HostName second = Unique.hostName("shop");

    assertThat(first).isNotEqualTo(second);
    assertThat(first.value()).endsWith(".example.test");
    assertThat(second.value()).startsWith("shop-");
  }

  @Test
  void idsAreVersion7InCreationOrder() {
    UUID first = Unique.id();
    UUID second = Unique.id();

    assertThat(first.version()).isEqualTo(7);
    assertThat(second.toString()).isGreaterThan(first.toString());
  }
}
