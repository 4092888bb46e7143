package io.rustok.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's walk-through against the service started from the jar the README names, and
 * compares every JSON output with the README's. Ids and timestamps are compared by shape only,
 * because they differ from run to run; everything else must match exactly.
 *
 * <p>It runs as an integration test, after the build has packaged the jar, and needs {@code bash},
 * {@code curl} and {@code jq}, as the README states.
 */
class ReadmeWalkthroughIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```\\n");
  private static final Pattern JAR = Pattern.compile("-jar (\\S+\\.jar)");
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final String END = "@@end-of-block@@";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Process service;
  private int port;

  @BeforeEach
  void startServiceAsTheReadmeDoes() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    Matcher jar = JAR.matcher(section(readme, "## Set up"));
    assertThat(jar.find()).as("the README's run command starts a jar").isTrue();
    Path jarPath = ROOT.resolve(jar.group(1));
    assertThat(jarPath).as("the jar the README runs").exists();
    port = freePort();

    ProcessBuilder builder =
        new ProcessBuilder(javaExecutable(), "-jar", jarPath.toString())
            .redirectErrorStream(true)
            .redirectOutput(ROOT.resolve("bootstrap/target/readme-service.log").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("RUSTOK_"));
    builder.environment().put("RUSTOK_HTTP_PORT", Integer.toString(port));
    builder.environment().put("RUSTOK_HTTP_HOST", "127.0.0.1");
    service = builder.start();
    awaitReady();
  }

  @AfterEach
  void stopService() throws Exception {
    if (service != null) {
      service.destroy();
      if (!service.waitFor(30, TimeUnit.SECONDS)) {
        service.destroyForcibly();
      }
    }
  }

  @Tag("capability")
  @Test
  void walkthroughGivesTheResponsesItShows() throws Exception {
    String walkthrough =
        section(
            Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8), "## Walk-through");
    List<Step> steps = steps(walkthrough);
    assertThat(steps).as("shell blocks in the walk-through").hasSizeGreaterThanOrEqualTo(3);

    List<String> outputs = run(steps);

    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (step.expected() == null) {
        continue;
      }
      assertThat(normalise(parseAll(outputs.get(i))))
          .as("output of README command:%n%s", step.command())
          .isEqualTo(normalise(parseAll(step.expected())));
    }
  }

  private record Step(String command, String expected) {}

  private static List<Step> steps(String text) {
    List<Step> steps = new ArrayList<>();
    Matcher fence = FENCE.matcher(text);
    while (fence.find()) {
      String language = fence.group(1);
      String body = fence.group(2);
      if (language.equals("sh")) {
        steps.add(new Step(body, null));
      } else if (language.equals("json")
          && !steps.isEmpty()
          && steps.getLast().expected() == null) {
        steps.set(steps.size() - 1, new Step(steps.getLast().command(), body));
      }
    }
    return steps;
  }

  private List<String> run(List<Step> steps) throws Exception {
    StringBuilder script = new StringBuilder("set -euo pipefail\n");
    for (Step step : steps) {
      script
          .append(step.command().replace("localhost:8080", "localhost:" + port))
          .append("\necho ")
          .append(END)
          .append('\n');
    }
    Process bash =
        new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true).start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(60, TimeUnit.SECONDS)).as("walk-through finished").isTrue();
    assertThat(bash.exitValue()).as("walk-through exit status; output:%n%s", output).isZero();
    List<String> outputs = new ArrayList<>(List.of(output.split(END + "\n", -1)));
    assertThat(outputs).hasSize(steps.size() + 1);
    return outputs.subList(0, steps.size());
  }

  private static List<JsonNode> parseAll(String text) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(text);
        MappingIterator<JsonNode> iterator = JSON.readValues(parser, JsonNode.class)) {
      while (iterator.hasNext()) {
        documents.add(iterator.next());
      }
    }
    return documents;
  }

  /** Replaces ids and timestamps by their kind, so only the shape of such values is compared. */
  private static List<JsonNode> normalise(List<JsonNode> documents) {
    return documents.stream().map(ReadmeWalkthroughIT::normalise).toList();
  }

  private static JsonNode normalise(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode copy = JSON.createObjectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        copy.set(field.getKey(), normalise(field.getValue()));
      }
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JSON.createArrayNode();
      array.forEach(item -> copy.add(normalise(item)));
      return copy;
    }
    if (node.isTextual()) {
      String text = node.textValue();
      if (UUID_TEXT.matcher(text).matches()) {
        return TextNode.valueOf("<uuid>");
      }
      try {
        Instant.parse(text);
        return TextNode.valueOf("<timestamp>");
      } catch (RuntimeException notATimestamp) {
        return node;
      }
    }
    return node;
  }

  private static String section(String readme, String heading) {
    int start = readme.indexOf("\n" + heading + "\n");
    assertThat(start).as("README section %s", heading).isNotNegative();
    int end = readme.indexOf("\n## ", start + heading.length() + 2);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private void awaitReady() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(service.isAlive()).as("service process is running").isTrue();
      try {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(1)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // The service is still starting; ask again.
      }
      service.waitFor(100, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("the service did not become ready within 60 seconds");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
