package io.rustok.core.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The test methods of the repository, read from source: the test sources of every module and the
 * main sources of {@code test-fixtures}, which hold the contract suites.
 *
 * <p>Sources are read, not compiled classes, because the tests of every module must be visible from
 * one place and test classes are not on each other's class paths. Text blocks are removed before
 * anything is looked up, so a sample source inside a test's text block is not taken for a test.
 */
final class TestSources {
  static final String FIXTURES = "test-fixtures";

  private static final Pattern METHOD =
      Pattern.compile("(?:void|[A-Za-z0-9_<>]+)\\s+([a-zA-Z0-9_]+)\\s*\\(");
  private static final Pattern TAG = Pattern.compile("(?m)^\\s*@Tag\\(\"capability\"\\)\\s*$");
  private static final Pattern TYPE = Pattern.compile("\\b(class|interface|enum|record)\\b");
  private static final Pattern TEXT_BLOCK = Pattern.compile("(?s)\"\"\".*?\"\"\"");

  private final Map<String, List<Path>> filesByClass = new HashMap<>();

  TestSources(Path root) {
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
        index(module.resolve("src/test/java"));
        if (module.getFileName().toString().equals(FIXTURES)) {
          index(module.resolve("src/main/java"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns why {@code className#method} cannot be cited as a test, or null when it names one
   * enabled test method.
   */
  String problemWith(String className, String method) {
    List<Path> files = filesByClass.getOrDefault(className, List.of());
    if (files.isEmpty()) {
      return "names a test class that does not exist";
    }
    if (files.size() > 1) {
      return "names a class that several modules define: " + files;
    }
    String source = source(files.getFirst());
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

  /** Returns whether {@code className} names one source file under the folder {@code directory}. */
  boolean isUnder(String className, String directory) {
    List<Path> files = filesByClass.getOrDefault(className, List.of());
    return files.size() == 1
        && files.getFirst().toString().replace('\\', '/').contains("/" + directory + "/");
  }

  /** Returns {@code Class#method} of every test method tagged {@code @Tag("capability")}. */
  List<String> taggedTests() {
    List<String> tagged = new ArrayList<>();
    filesByClass.forEach(
        (className, files) -> {
          for (Path file : files) {
            String source = source(file);
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

  private static int findMethod(String source, String method) {
    Matcher matcher = METHOD.matcher(source);
    while (matcher.find()) {
      if (matcher.group(1).equals(method)) {
        return matcher.start();
      }
    }
    return -1;
  }

  /**
   * Returns the annotation lines directly above the declaration starting at {@code index}. An
   * annotation may span lines, such as a {@code @ValueSource} with one value per line, so the
   * search ends only at a blank line, the end of a statement, member or comment, or the type
   * declaration.
   */
  private static String annotationsBefore(String source, int index) {
    String[] lines = source.substring(0, index).split("\n", -1);
    StringBuilder annotations = new StringBuilder();
    for (int i = lines.length - 2; i >= 0; i--) {
      String line = lines[i].strip();
      boolean typeDeclaration = line.endsWith("{") && TYPE.matcher(line).find();
      if (line.isEmpty()
          || line.equals("}")
          || line.endsWith(";")
          || line.endsWith("*/")
          || line.startsWith("//")
          || typeDeclaration) {
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

  private void index(Path sources) throws IOException {
    if (!Files.isDirectory(sources)) {
      return;
    }
    try (Stream<Path> files = Files.walk(sources)) {
      files
          .filter(file -> file.toString().endsWith(".java"))
          .sorted()
          .forEach(
              file -> {
                String name = file.getFileName().toString();
                filesByClass
                    .computeIfAbsent(name.substring(0, name.length() - 5), key -> new ArrayList<>())
                    .add(file);
              });
    }
  }

  private static String source(Path file) {
    try {
      return TEXT_BLOCK.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("\"\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
