package io.rustok.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigurationReferenceTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void committedPageMatchesTheSettings() throws Exception {
    if (Boolean.getBoolean("rustok.regenerate")) {
      ConfigurationReference.write(ROOT);
    }

    String committed =
        Files.readString(ROOT.resolve(ConfigurationReference.PAGE), StandardCharsets.UTF_8);

    assertThat(committed)
        .as(
            "%s is out of date with Settings.java; regenerate it with the command at the top of"
                + " the page",
            ConfigurationReference.PAGE)
        .isEqualTo(ConfigurationReference.render());
  }
}
