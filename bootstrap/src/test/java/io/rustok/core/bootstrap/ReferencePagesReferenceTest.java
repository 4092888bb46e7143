package io.rustok.core.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ReferencePagesReferenceTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final boolean REGENERATE = Boolean.getBoolean("rustok.regenerate");

  @Tag("capability")
  @Test
  void eventCatalogPageMatchesTheCode() throws Exception {
    assertPage(ReferencePages.EVENTS_PAGE, ReferencePages.events());
  }

  @Tag("capability")
  @Test
  void httpPageMatchesTheRoutesAndProblemTypes() throws Exception {
    List<String> routes;
    ServiceConfig config =
        ServiceConfig.fromEnvironment(
            Map.of("RUSTOK_HTTP_PORT", "0", "RUSTOK_HTTP_HOST", "127.0.0.1"));
    try (Service service = Service.start(config)) {
      routes = service.routes();
    }

    assertThat(routes).contains("GET /api/nodes", "POST /api/tenants");
    assertPage(ReferencePages.HTTP_PAGE, ReferencePages.http(routes));
  }

  private static void assertPage(String page, String rendered) throws Exception {
    Path file = ROOT.resolve(page);
    if (REGENERATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, rendered, StandardCharsets.UTF_8);
    }

    String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";

    assertThat(committed)
        .as(
            "%s differs from what the code generates; regenerate it with %s",
            page, ReferencePages.REGENERATE)
        .isEqualTo(rendered);
  }
}
