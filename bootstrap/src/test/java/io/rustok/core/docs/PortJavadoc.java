package io.rustok.core.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks that the Javadoc of every port of the domain rests on tests.
 *
 * <p>A port is a public interface of the domain module that adapters implement: every one that is
 * not sealed and not in {@link #NOT_PORTS}. The Javadoc of the port and of each of its public
 * methods must end its description with a paragraph that names the tests showing what it states:
 * {@code <p>Shown by {@code UnitOfWorkContract#commitStoresEveryWrite}.} It reports a port or
 * public method without Javadoc or without that paragraph, a named test that does not exist or is
 * disabled, and a method that names no test of the contract suites in {@code test-fixtures}, which
 * both adapters run, unless {@link #WITHOUT_CONTRACT_SUITE} lists its port.
 */
final class PortJavadoc {
  static final String DOMAIN_SOURCES = "domain/src/main/java";
  static final String CONTRACT_SUITES = "io/rustok/core/testing/contract";

  /** Public interfaces of the domain that are not ports, each with the reason. */
  static final Map<String, String> NOT_PORTS =
      Map.of(
          "EventUpcaster",
          "a step of the chain that reads old payloads, which the domain declares itself in"
              + " EventUpcasters; no adapter implements it");

  /** Ports whose methods need not name a contract test, each with the reason. */
  static final Map<String, String> WITHOUT_CONTRACT_SUITE =
      Map.of(
          "EventTransport",
          "what it promises is how the relay treats a delivery, which the relay's tests show;"
              + " there is no store behind it for two adapters to share",
          "IdSource",
          "its one production implementation, UuidV7, has its own tests in the domain module");

  private static final Pattern SHOWN_BY = Pattern.compile("<p>Shown by ");
  private static final Pattern CITED =
      Pattern.compile("\\{@code\\s+([A-Za-z0-9_]+)#([A-Za-z0-9_]+)\\s*}");
  private static final Pattern INTERFACE =
      Pattern.compile("\\bpublic\\s+(sealed\\s+|non-sealed\\s+)?interface\\s+([A-Za-z0-9_]+)");
  private static final Pattern ANNOTATION =
      Pattern.compile("^@[A-Za-z0-9_.]+(\\s*\\([^)]*\\))?\\s*");
  private static final Pattern NESTED_TYPE =
      Pattern.compile("^(?:[a-z]+\\s+)*(?:class|interface|enum|record|@interface)\\b");
  private static final Pattern METHOD_NAME = Pattern.compile("([A-Za-z0-9_]+)\\s*\\($");

  /** A member of an interface: its name, its Javadoc (null if it has none) and its line. */
  record Member(String name, String javadoc, int line) {}

  /** An interface read from source, with its public methods. */
  record Interface(String name, boolean sealed, String javadoc, int line, List<Member> methods) {}

  private final Path root;
  private final TestSources tests;

  PortJavadoc(Path root) {
    this(root, new TestSources(root));
  }

  PortJavadoc(Path root, TestSources tests) {
    this.root = root;
    this.tests = tests;
  }

  /** Returns every problem found, each naming the source file and the method; empty when none. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Path file : domainSources()) {
      Interface type = parse(read(file));
      if (type == null) {
        continue;
      }
      seen.add(type.name());
      if (type.sealed() || NOT_PORTS.containsKey(type.name())) {
        continue;
      }
      String where = root.relativize(file).toString().replace('\\', '/') + ": ";
      check(where, type.name() + " (line " + type.line() + ")", type.javadoc(), false, problems);
      for (Member method : type.methods()) {
        check(
            where,
            type.name() + "." + method.name() + " (line " + method.line() + ")",
            method.javadoc(),
            !WITHOUT_CONTRACT_SUITE.containsKey(type.name()),
            problems);
      }
    }
    for (String listed : union(NOT_PORTS.keySet(), WITHOUT_CONTRACT_SUITE.keySet())) {
      if (!seen.contains(listed)) {
        problems.add(
            "PortJavadoc lists "
                + listed
                + ", which is no public interface of the domain; remove it from the list");
      }
    }
    return problems;
  }

  private void check(
      String where, String subject, String javadoc, boolean needsContract, List<String> problems) {
    if (javadoc == null) {
      problems.add(
          where
              + subject
              + " has no Javadoc; write what it promises and end the description with"
              + " \"<p>Shown by {@code SomeContract#someTest}.\" naming the tests that show it");
      return;
    }
    String text = flatten(javadoc);
    Matcher shownBy = SHOWN_BY.matcher(text);
    List<String> cited = new ArrayList<>();
    if (shownBy.find()) {
      int end = text.indexOf(" @", shownBy.end());
      Matcher reference =
          CITED.matcher(text.substring(shownBy.end(), end < 0 ? text.length() : end));
      while (reference.find()) {
        cited.add(reference.group(1) + "#" + reference.group(2));
      }
    }
    if (cited.isEmpty()) {
      problems.add(
          where
              + subject
              + " names no test; end the description with \"<p>Shown by {@code"
              + " SomeContract#someTest}.\" naming the tests that show what it states");
      return;
    }
    boolean contract = false;
    for (String name : cited) {
      String[] parts = name.split("#");
      String problem = tests.problemWith(parts[0], parts[1]);
      if (problem != null) {
        problems.add(where + subject + " names test " + name + ", which " + problem);
      }
      contract |= tests.isUnder(parts[0], CONTRACT_SUITES);
    }
    if (needsContract && !contract) {
      problems.add(
          where
              + subject
              + " names no test of the contract suites in test-fixtures, so no test shows that"
              + " both adapters keep its promise; add one to the suite of its port and name it");
    }
  }

  /**
   * Reads the first top-level interface of a source file with the Javadoc of its public methods, or
   * returns null when the file declares no public interface. Comments, string literals and text
   * blocks are skipped, so braces and semicolons inside them do not count.
   */
  static Interface parse(String source) {
    Matcher declaration = INTERFACE.matcher(stripped(source));
    if (!declaration.find()) {
      return null;
    }
    String name = declaration.group(2);
    boolean sealed =
        "sealed".equals(declaration.group(1) == null ? "" : declaration.group(1).strip());
    String typeJavadoc = null;
    int typeLine = 0;
    List<Member> methods = new ArrayList<>();

    int depth = 0;
    String javadoc = null;
    StringBuilder header = new StringBuilder();
    int headerStart = -1;
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("/**", i) && !source.startsWith("/**/", i)) {
        int end = source.indexOf("*/", i + 3) + 2;
        if (depth <= 1) {
          javadoc = source.substring(i, end);
        }
        i = end;
        continue;
      }
      if (source.startsWith("/*", i)) {
        i = source.indexOf("*/", i + 2) + 2;
        continue;
      }
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? source.length() : end;
        continue;
      }
      if (source.startsWith("\"\"\"", i)) {
        i = source.indexOf("\"\"\"", i + 3) + 3;
        header.append("\"\"");
        continue;
      }
      if (c == '"' || c == '\'') {
        i = endOfLiteral(source, i);
        header.append("\"\"");
        continue;
      }
      if (depth >= 2) {
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
        }
        i++;
        continue;
      }
      if (c == '{' || c == ';' || (c == '}' && depth == 1)) {
        if (depth == 0 && c == '{') {
          if (!INTERFACE.matcher(header).find()) {
            return null;
          }
          typeJavadoc = javadoc;
          typeLine = lineOf(source, headerStart);
          depth = 1;
        } else if (depth == 1 && c == '}') {
          break;
        } else if (depth == 1) {
          Member member = member(header.toString(), javadoc, lineOf(source, headerStart));
          if (member != null) {
            methods.add(member);
          }
          depth = c == '{' ? 2 : 1;
        }
        javadoc = null;
        header.setLength(0);
        headerStart = -1;
        i++;
        continue;
      }
      if (headerStart < 0 && !Character.isWhitespace(c)) {
        headerStart = i;
      }
      header.append(c);
      i++;
    }
    return new Interface(name, sealed, typeJavadoc, typeLine, methods);
  }

  /** Returns the public method a member header declares, or null for a field or nested type. */
  private static Member member(String header, String javadoc, int line) {
    String text = header.strip();
    Matcher annotation = ANNOTATION.matcher(text);
    while (annotation.find()) {
      text = text.substring(annotation.end());
      annotation = ANNOTATION.matcher(text);
    }
    int parenthesis = text.indexOf('(');
    if (parenthesis < 0 || NESTED_TYPE.matcher(text).find()) {
      return null;
    }
    if (Pattern.compile("\\bprivate\\b").matcher(text.substring(0, parenthesis)).find()) {
      return null;
    }
    Matcher name = METHOD_NAME.matcher(text.substring(0, parenthesis + 1));
    return name.find() ? new Member(name.group(1), javadoc, line) : null;
  }

  private static int endOfLiteral(String source, int start) {
    char quote = source.charAt(start);
    int i = start + 1;
    while (i < source.length() && source.charAt(i) != quote) {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  /** Returns the source with comments and literals blanked out, for finding the declaration. */
  private static String stripped(String source) {
    return source
        .replaceAll("(?s)/\\*.*?\\*/", " ")
        .replaceAll("//[^\n]*", " ")
        .replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
        .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
  }

  /** Returns the Javadoc's text without its comment markers, on one line. */
  private static String flatten(String javadoc) {
    String body = javadoc.substring(3, javadoc.length() - 2);
    StringBuilder text = new StringBuilder();
    for (String line : body.split("\n")) {
      text.append(line.strip().replaceFirst("^\\*\\s?", "")).append(' ');
    }
    return text.toString().replaceAll("\\s+", " ").strip();
  }

  private static int lineOf(String source, int index) {
    if (index < 0) {
      return 0;
    }
    int line = 1;
    for (int i = 0; i < index; i++) {
      line += source.charAt(i) == '\n' ? 1 : 0;
    }
    return line;
  }

  private List<Path> domainSources() {
    Path sources = root.resolve(DOMAIN_SOURCES);
    try (Stream<Path> files = Files.walk(sources)) {
      return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> union(Set<String> first, Set<String> second) {
    Set<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return all;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
