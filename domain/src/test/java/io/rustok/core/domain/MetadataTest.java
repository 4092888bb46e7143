package io.rustok.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.content.Metadata;
import io.rustok.core.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataTest {

  @Test
  void copyIsDeepAndUnmodifiable() {
    List<Object> tags = new ArrayList<>(List.of("a"));
    Map<String, Object> source = new HashMap<>();
    source.put("tags", tags);
    source.put("nothing", null);

    Map<String, Object> copy = Metadata.copyOf(source, "metadata");
    tags.add("b");

    assertThat(copy.get("tags")).isEqualTo(List.of("a"));
    assertThat(copy).containsEntry("nothing", null);
    assertThatThrownBy(() -> copy.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void deepNestingIsRejected() {
    Map<String, Object> root = new HashMap<>();
    Map<String, Object> current = root;
    for (int i = 0; i < Metadata.MAX_DEPTH + 1; i++) {
      Map<String, Object> child = new HashMap<>();
      current.put("k", child);
      current = child;
    }

    assertThatThrownBy(() -> Metadata.copyOf(root, "metadata"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("nest deeper");
  }

  @Test
  void nonJsonValuesAreRejected() {
    assertThatThrownBy(() -> Metadata.copyOf(Map.of("when", new Object()), "metadata"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("metadata.when");
    assertThatThrownBy(() -> Metadata.copyOf(Map.of("n", Double.NaN), "metadata"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void tooManyValuesAreRejected() {
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < Metadata.MAX_VALUES; i++) {
      items.add(Map.of());
    }

    assertThatThrownBy(() -> Metadata.copyOf(Map.of("a", items), "metadata"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most " + Metadata.MAX_VALUES + " values");
  }

  @Test
  void numbersBeyondTheExponentBoundAreRejected() {
    java.math.BigDecimal huge = new java.math.BigDecimal("1e999999999");

    assertThatThrownBy(() -> Metadata.copyOf(Map.of("n", huge), "metadata"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("out of range");
    assertThat(Metadata.copyOf(Map.of("n", new java.math.BigDecimal("1e300")), "metadata"))
        .containsKey("n");
  }
}
