package io.rustok.core.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks {@code docs/capabilities.md} against the test sources of the repository.
 *
 * <p>The ledger is a Markdown table whose rows read {@code | id | capability | status | tests |},
 * where tests are {@code `Class#method`} references. The check reads Java sources, not compiled
 * classes, because the tests of every module must be visible from one place and test classes are
 * not on each other's class paths. It reports a row that cites a test method that does not exist or
 * is disabled, a row marked {@code done} without tests, an unknown status, and a test method tagged
 * {@code @Tag("capability")} that no row cites.
 */
final class CapabilityLedger {
  static final String LEDGER = "docs/capabilities.md";
  static final Set<String> STATUSES = Set.of("done", "partial", "planned");

  private static final Pattern ROW =
      Pattern.compile("^\\|([^|]+)\\|([^|]+)\\|([^|]+)\\|([^|]*)\\|\\s*$");
  private static final Pattern REFERENCE = Pattern.compile("`([A-Za-z0-9_]+)#([A-Za-z0-9_]+)`");
  private static final Pattern METHOD =
      Pattern.compile("(?:void|[A-Za-z0-9_<>]+)\\s+([a-zA-Z0-9_]+)\\s*\\(");
  private static final Pattern TAG = Pattern.compile("(?m)^\\s*@Tag\\(\"capability\"\\)\\s*$");

  private final Path root;
  private final Map<String, List<Path>> sourcesByClass = new HashMap<>();

  CapabilityLedger(Path root) {
    this.root = root;
    indexTestSources();
  }

  /** Returns every problem found, each naming the ledger row or the test; empty when all agree. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    Set<String> cited = new LinkedHashSet<>();
    List<String> lines = read(root.resolve(LEDGER));
    int rows = 0;
    for (String line : lines) {
      Matcher row = ROW.matcher(line);
      if (!row.matches() || line.startsWith("|---") || line.startsWith("| id ")) {
        continue;
      }
      rows++;
      String id = row.group(1).strip();
      String status = row.group(3).strip();
      List<String[]> references = new ArrayList<>();
      Matcher reference = REFERENCE.matcher(row.group(4));
      while (reference.find()) {
        references.add(new String[] {reference.group(1), reference.group(2)});
      }
      if (!STATUSES.contains(status)) {
        problems.add("ledger row '" + id + "' has status '" + status + "', not one of " + STATUSES);
      }
      if (status.equals("done") && references.isEmpty()) {
        problems.add("ledger row '" + id + "' is marked done but names no test");
      }
      for (String[] ref : references) {
        String name = ref[0] + "#" + ref[1];
        cited.add(name);
        String problem = checkTest(ref[0], ref[1]);
        if (problem != null) {
          problems.add("ledger row '" + id + "' cites " + name + ", which " + problem);
        }
      }
    }
    if (rows == 0) {
      problems.add(LEDGER + " has no capability rows");
    }
    for (String tagged : taggedTests()) {
      if (!cited.contains(tagged)) {
        problems.add(
            "test "
                + tagged
                + " is tagged as proving a capability but no row of "
                + LEDGER
                + " cites it");
      }
    }
    return problems;
  }

  private String checkTest(String className, String method) {
    List<Path> files = sourcesByClass.getOrDefault(className, List.of());
    if (files.isEmpty()) {
      return "names a test class that does not exist";
    }
    if (files.size() > 1) {
      return "names a class that several modules define: " + files;
    }
    String source = String.join("\n", read(files.getFirst()));
    int declaration = findMethod(source, method);
    if (declaration < 0) {
      return "does not exist";
    }
    String annotations = annotationsBefore(source, declaration);
    if (!annotations.contains("@Test")
        && !annotations.contains("@ParameterizedTest")
        && !annotations.contains("@RepeatedTest")) {
      return "is not a test method";
    }
    if (annotations.contains("@Disabled") || classIsDisabled(source)) {
      return "is disabled";
    }
    return null;
  }

  private static int findMethod(String source, String method) {
    Matcher matcher = METHOD.matcher(source);
    while (matcher.find()) {
      if (matcher.group(1).equals(method)) {
        return matcher.start();
      }
    }
    return -1;
  }

  /** Returns the annotation lines directly above the declaration starting at {@code index}. */
  private static String annotationsBefore(String source, int index) {
    String[] lines = source.substring(0, index).split("\n", -1);
    StringBuilder annotations = new StringBuilder();
    for (int i = lines.length - 2; i >= 0; i--) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("}") || line.endsWith(";") || line.endsWith("{")) {
        break;
      }
      annotations.append(line).append('\n');
    }
    return annotations + lines[lines.length - 1];
  }

  private static boolean classIsDisabled(String source) {
    int classStart = source.indexOf(" class ");
    return classStart > 0 && source.substring(0, classStart).contains("@Disabled");
  }

  private List<String> taggedTests() {
    List<String> tagged = new ArrayList<>();
    sourcesByClass.forEach(
        (className, files) -> {
          for (Path file : files) {
            if (className.startsWith("CapabilityLedger")) {
              // The ledger's own tests hold sample sources with tags in text blocks.
              continue;
            }
            String source = String.join("\n", read(file));
            Matcher tag = TAG.matcher(source);
            while (tag.find()) {
              Matcher method = METHOD.matcher(source);
              if (method.find(tag.end())) {
                tagged.add(className + "#" + method.group(1));
              }
            }
          }
        });
    return tagged;
  }

  private void indexTestSources() {
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(Files::isDirectory).toList()) {
        index(module.resolve("src/test/java"));
        if (module.getFileName().toString().equals("test-fixtures")) {
          index(module.resolve("src/main/java"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void index(Path sources) throws IOException {
    if (!Files.isDirectory(sources)) {
      return;
    }
    try (Stream<Path> files = Files.walk(sources)) {
      files
          .filter(file -> file.toString().endsWith(".java"))
          .forEach(
              file -> {
                String name = file.getFileName().toString();
                sourcesByClass
                    .computeIfAbsent(name.substring(0, name.length() - 5), key -> new ArrayList<>())
                    .add(file);
              });
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
