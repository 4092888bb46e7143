package io.rustok.core.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code docs/configuration.md} from {@link Settings#ALL}, so the page lists exactly the
 * variables the service reads. A test fails when the committed page differs from what this
 * generates. The page itself gives the command that regenerates it.
 */
public final class ConfigurationReference {
  /** Path of the generated page, relative to the repository root. */
  public static final String PAGE = "docs/configuration.md";

  private ConfigurationReference() {}

  /** Returns the page's Markdown. */
  public static String render() {
    StringBuilder page = new StringBuilder();
    page.append("# Configuration\n\n")
        .append("The service reads these environment variables when it starts. An invalid value\n")
        .append("stops the start with a message that names the variable. Shown by\n")
        .append("[configuration-errors](capabilities.md#configuration-errors),\n")
        .append("[configuration-defaults](capabilities.md#configuration-defaults) and\n")
        .append("[generated-references](capabilities.md#generated-references).\n\n")
        .append("This page is generated from `Settings.java`; regenerate it with\n`")
        .append(ReferencePages.REGENERATE)
        .append("`.\n\n")
        .append("| variable | default | meaning |\n")
        .append("|---|---|---|\n");
    for (Setting setting : Settings.ALL) {
      page.append("| `")
          .append(setting.name())
          .append("` | ")
          .append(setting.defaultValue() == null ? "(none)" : "`" + setting.defaultValue() + "`")
          .append(" | ")
          .append(setting.description())
          .append(" |\n");
    }
    return page.toString();
  }

  /** Writes the page under the given repository root. */
  public static void write(Path repositoryRoot) throws IOException {
    Files.writeString(repositoryRoot.resolve(PAGE), render(), StandardCharsets.UTF_8);
  }
}
