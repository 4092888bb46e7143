package io.rustok.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.event.EventUpcaster;
import io.rustok.core.domain.event.EventUpcasters;
import io.rustok.core.domain.event.NodeCreated;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventUpcastersTest {
  private static final Map<String, Integer> ARTICLE_AT_V3 = Map.of("article.created", 3);

  @Test
  void standardChainsPassTheCheck() {
    EventUpcasters upcasters = EventUpcasters.standard();

    assertThat(upcasters.currentVersion("node.created")).isEqualTo(2);
    assertThat(upcasters.currentVersion("node.deleted")).isEqualTo(1);
  }

  @Test
  void chainRunsOneStepPerVersion() {
    EventUpcasters upcasters =
        EventUpcasters.of(
            List.of(
                EventUpcaster.of("article.created", 2, data -> with(data, "step2", true)),
                EventUpcaster.of("article.created", 1, data -> with(data, "step1", true))),
            ARTICLE_AT_V3);

    Map<String, Object> fromV1 = upcasters.upcast("article.created", 1, mutable("title", "a"));
    Map<String, Object> fromV2 = upcasters.upcast("article.created", 2, mutable("title", "b"));
    Map<String, Object> current = upcasters.upcast("article.created", 3, mutable("title", "c"));

    assertThat(fromV1).containsOnlyKeys("title", "step1", "step2");
    assertThat(fromV2).containsOnlyKeys("title", "step2");
    assertThat(current).containsOnlyKeys("title");
  }

  @Test
  void gapInChainNamesTheType() {
    List<EventUpcaster> onlySecondStep =
        List.of(EventUpcaster.of("article.created", 2, data -> data));

    assertThatThrownBy(() -> EventUpcasters.of(onlySecondStep, ARTICLE_AT_V3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("article.created")
        .hasMessageContaining("no upcaster goes from version 1 to 2");
  }

  @Test
  void missingChainOfEvolvedTypeNamesTheType() {
    assertThatThrownBy(() -> EventUpcasters.of(List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("event type node.created is broken");
  }

  @Test
  void duplicateStepNamesTheType() {
    List<EventUpcaster> twice =
        List.of(
            EventUpcaster.of("article.created", 1, data -> data),
            EventUpcaster.of("article.created", 1, data -> data),
            EventUpcaster.of("article.created", 2, data -> data));

    assertThatThrownBy(() -> EventUpcasters.of(twice, ARTICLE_AT_V3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("article.created")
        .hasMessageContaining("two upcasters from version 1 to 2");
  }

  @Test
  void stepBeyondCurrentVersionIsRejected() {
    List<EventUpcaster> tooFar =
        List.of(
            EventUpcaster.of("article.created", 1, data -> data),
            EventUpcaster.of("article.created", 2, data -> data),
            EventUpcaster.of("article.created", 3, data -> data));

    assertThatThrownBy(() -> EventUpcasters.of(tooFar, ARTICLE_AT_V3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("article.created")
        .hasMessageContaining("upcaster from version 3");
  }

  @Test
  void stepForUnknownTypeIsRejected() {
    List<EventUpcaster> stray = List.of(EventUpcaster.of("comment.created", 1, data -> data));

    assertThatThrownBy(() -> EventUpcasters.of(stray, ARTICLE_AT_V3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("comment.created")
        .hasMessageContaining("does not exist");
  }

  @Test
  void unsupportedVersionIsRejected() {
    EventUpcasters upcasters = EventUpcasters.standard();

    assertThatThrownBy(() -> upcasters.upcast("node.created", 3, new HashMap<>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "schema version 3 of node.created is not supported; this code reads versions 1 to 2");
    assertThatThrownBy(() -> upcasters.upcast("node.created", 0, new HashMap<>()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> upcasters.upcast("node.archived", 1, new HashMap<>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown event type node.archived");
  }

  @Test
  void nodeCreatedV1GainsPrimaryLocaleAndSlugOfFirstTranslation() {
    Map<String, Object> v1 = new LinkedHashMap<>();
    v1.put("nodeId", "0192f0c4-7b1e-7cc3-9a4e-2f1d3c5b6a70");
    v1.put(
        "translations",
        new ArrayList<>(
            List.of(
                Map.of("locale", "de", "title", "Hallo", "slug", "hallo"),
                Map.of("locale", "en", "title", "Hello", "slug", "hello"))));

    Map<String, Object> v2 = EventUpcasters.standard().upcast("node.created", 1, v1);

    assertThat(v2).containsEntry("primaryLocale", "de");
    assertThat(v2).containsEntry("slug", "hallo");
    assertThat(v2).containsKeys("nodeId", "translations");
  }

  @Test
  void nodeCreatedV1WithoutTranslationsCannotBeUpcast() {
    Map<String, Object> v1 = mutable("translations", List.of());

    assertThatThrownBy(() -> NodeCreated.FROM_VERSION_1.upcast(v1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("translations");
  }

  private static Map<String, Object> mutable(String key, Object value) {
    Map<String, Object> data = new HashMap<>();
    data.put(key, value);
    return data;
  }

  private static Map<String, Object> with(Map<String, Object> data, String key, Object value) {
    data.put(key, value);
    return data;
  }
}
