package io.rustok.core.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code docs/capabilities.md} against the test sources of the repository.
 *
 * <p>The ledger is a Markdown table whose rows read {@code | id | capability | status | tests |},
 * where tests are {@code `Class#method`} references. Each id cell starts with an anchor, {@code <a
 * id="claims-leased"></a>claims-leased}, so that pages can link to the row. It reports a row that
 * cites a test method that does not exist or is disabled, a row marked {@code done} without tests,
 * an unknown status, an id cell without its anchor, a repeated id, and a test method tagged
 * {@code @Tag("capability")} that no row cites.
 */
final class CapabilityLedger {
  static final String LEDGER = "docs/capabilities.md";
  static final Set<String> STATUSES = Set.of("done", "partial", "planned");

  private static final Pattern ROW =
      Pattern.compile("^\\|([^|]+)\\|([^|]+)\\|([^|]+)\\|([^|]*)\\|\\s*$");
  private static final Pattern ANCHORED_ID =
      Pattern.compile("<a id=\"([a-z0-9-]+)\"></a>([a-z0-9-]+)");
  private static final Pattern REFERENCE = Pattern.compile("`([A-Za-z0-9_]+)#([A-Za-z0-9_]+)`");

  /** One row of the ledger. */
  record Row(String id, String status, List<String> tests) {}

  private final Path root;
  private final TestSources tests;

  CapabilityLedger(Path root) {
    this(root, new TestSources(root));
  }

  CapabilityLedger(Path root, TestSources tests) {
    this.root = root;
    this.tests = tests;
  }

  /** Returns the rows of the ledger in their order, each with the id its anchor names. */
  List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (String line : read(root.resolve(LEDGER))) {
      Matcher row = ROW.matcher(line);
      if (!row.matches() || line.startsWith("|---") || line.startsWith("| id ")) {
        continue;
      }
      String idCell = row.group(1).strip();
      Matcher anchored = ANCHORED_ID.matcher(idCell);
      String id = anchored.matches() ? anchored.group(2) : idCell;
      List<String> references = new ArrayList<>();
      Matcher reference = REFERENCE.matcher(row.group(4));
      while (reference.find()) {
        references.add(reference.group(1) + "#" + reference.group(2));
      }
      rows.add(new Row(id, row.group(3).strip(), references));
    }
    return rows;
  }

  /** Returns every problem found, each naming the ledger row or the test; empty when all agree. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    problems.addAll(anchorProblems());
    Set<String> cited = new LinkedHashSet<>();
    Set<String> ids = new HashSet<>();
    List<Row> rows = rows();
    for (Row row : rows) {
      String id = row.id();
      if (!ids.add(id)) {
        problems.add("ledger id '" + id + "' is used by more than one row");
      }
      if (!STATUSES.contains(row.status())) {
        problems.add(
            "ledger row '" + id + "' has status '" + row.status() + "', not one of " + STATUSES);
      }
      if (row.status().equals("done") && row.tests().isEmpty()) {
        problems.add("ledger row '" + id + "' is marked done but names no test");
      }
      for (String name : row.tests()) {
        cited.add(name);
        String[] parts = name.split("#");
        String problem = tests.problemWith(parts[0], parts[1]);
        if (problem != null) {
          problems.add("ledger row '" + id + "' cites " + name + ", which " + problem);
        }
      }
    }
    if (rows.isEmpty()) {
      problems.add(LEDGER + " has no capability rows");
    }
    for (String tagged : tests.taggedTests()) {
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

  private List<String> anchorProblems() {
    List<String> problems = new ArrayList<>();
    for (String line : read(root.resolve(LEDGER))) {
      Matcher row = ROW.matcher(line);
      if (!row.matches() || line.startsWith("|---") || line.startsWith("| id ")) {
        continue;
      }
      String idCell = row.group(1).strip();
      Matcher anchored = ANCHORED_ID.matcher(idCell);
      if (!anchored.matches()) {
        problems.add(
            "ledger row '"
                + idCell
                + "' has no anchor, so no page can link to it; write its id cell as <a id=\""
                + idCell
                + "\"></a>"
                + idCell);
      } else if (!anchored.group(1).equals(anchored.group(2))) {
        problems.add(
            "ledger row '"
                + anchored.group(2)
                + "' has the anchor '"
                + anchored.group(1)
                + "'; the anchor and the id must be the same");
      }
    }
    return problems;
  }

  static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
