package io.rustok.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rustok.core.domain.event.EventUpcaster;
import io.rustok.core.testing.RecordingEventTransport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpcasterChainStartupTest {
  private final ServiceConfig config =
      ServiceConfig.fromEnvironment(
          Map.of("RUSTOK_HTTP_PORT", "0", "RUSTOK_HTTP_HOST", "127.0.0.1"));

  @Test
  void gapInChainStopsStartNamingTheType() {
    List<EventUpcaster> withGap = List.of();

    assertThatThrownBy(() -> Service.start(config, new RecordingEventTransport(), withGap))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "upcaster chain of event type node.created is broken: no upcaster goes from version 1"
                + " to 2, so version 1 data cannot reach the current version 2");
  }

  @Test
  void duplicateStepStopsStartNamingTheType() {
    EventUpcaster copy = EventUpcaster.of("node.created", 1, data -> data);
    List<EventUpcaster> twice = List.of(copy, copy);

    assertThatThrownBy(() -> Service.start(config, new RecordingEventTransport(), twice))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("node.created");
  }
}
