package io.rustok.core.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Checks that the README and the pages under {@code docs/} rest on the capability ledger.
 *
 * <p>A page is cut into sections at its headings; the text above the first {@code ##} heading is
 * the section of the page's title. Every section with text must link at least one ledger row, as
 * {@code [claims-leased](capabilities.md#claims-leased)}, unless {@link #EXEMPTIONS} lists it or
 * its page. It reports a section that cites no row, a link to a row that does not exist or is only
 * planned, a link to the ledger by a path that does not lead to it, a test named {@code
 * `Class#method`} in a page that does not exist or is disabled, a row marked {@code done} or {@code
 * partial} that no page cites, and an exemption that matches nothing.
 */
final class ClaimCitations {
  static final String README = "README.md";
  static final String DOCS = "docs";

  /**
   * A page, a folder of pages (ending in {@code /}) or one section of a page that need not cite the
   * ledger, with the reason. A section is named by its heading text without the leading hashes.
   */
  record Exemption(String page, String section, String reason) {
    static Exemption page(String page, String reason) {
      return new Exemption(page, null, reason);
    }

    static Exemption section(String page, String section, String reason) {
      return new Exemption(page, section, reason);
    }

    boolean coversPage(String path) {
      return section == null && (page.endsWith("/") ? path.startsWith(page) : path.equals(page));
    }

    boolean coversSection(String path, String heading) {
      return section != null && page.equals(path) && section.equals(heading);
    }
  }

  /** The pages and sections that state nothing a test could show, each with the reason. */
  static final List<Exemption> EXEMPTIONS =
      List.of(
          Exemption.page(
              "docs/performance.md",
              "gives measured figures, each with the benchmark command that produced it; a"
                  + " benchmark run shows them, not a test"),
          Exemption.page(
              "docs/limitations.md",
              "lists what the core does not do; no test can show a missing feature"),
          Exemption.page(
              "docs/reference/",
              "generated from the code; ReferencePagesReferenceTest fails when a committed page"
                  + " differs from what the code generates"),
          Exemption.section(README, "More", "links the other pages and states nothing itself"),
          Exemption.section(
              "docs/tenancy.md",
              "Cost",
              "points to the benchmark figures in performance.md and states nothing itself"),
          Exemption.section(
              "docs/persistence.md",
              "After `kill -9`, by hand",
              "reports one run by hand, with its date and PostgreSQL version; no test repeats"
                  + " it"));

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*$");
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)\\s]*)\\)");
  private static final Pattern TEST =
      Pattern.compile("`([A-Z][A-Za-z0-9_]*)#([a-z][A-Za-z0-9_]*)`");

  /**
   * One section of a page: its heading, the line the heading is on, the lines below it, and of
   * those the lines outside fenced code, where links and test names are read.
   */
  record Section(String page, String heading, int line, List<String> text, List<String> prose) {
    boolean hasText() {
      return text.stream().anyMatch(line -> !line.isBlank());
    }
  }

  private final Path root;
  private final TestSources tests;
  private final List<Exemption> exemptions;

  ClaimCitations(Path root, List<Exemption> exemptions) {
    this(root, new TestSources(root), exemptions);
  }

  ClaimCitations(Path root, TestSources tests, List<Exemption> exemptions) {
    this.root = root;
    this.tests = tests;
    this.exemptions = exemptions;
  }

  /** Returns every problem found, each naming the page and section; empty when all agree. */
  List<String> problems() {
    Map<String, String> statusById = new HashMap<>();
    for (CapabilityLedger.Row row : new CapabilityLedger(root, tests).rows()) {
      statusById.put(row.id(), row.status());
    }
    List<String> problems = new ArrayList<>();
    Set<String> cited = new LinkedHashSet<>();
    Set<Exemption> used = new LinkedHashSet<>();
    for (String page : pages()) {
      Exemption pageExemption = exemptionOfPage(page);
      if (pageExemption != null) {
        used.add(pageExemption);
        continue;
      }
      for (Section section : sections(page)) {
        Set<String> sectionCites = citations(section, statusById, problems);
        cited.addAll(sectionCites);
        if (!page.equals(CapabilityLedger.LEDGER)) {
          problems.addAll(testProblems(section));
        }
        Exemption exemption = exemptionOf(page, section.heading());
        if (exemption != null) {
          used.add(exemption);
        } else if (sectionCites.isEmpty() && section.hasText()) {
          problems.add(uncited(section));
        }
      }
    }
    statusById.forEach(
        (id, status) -> {
          if (!status.equals("planned") && !cited.contains(id)) {
            problems.add(
                "ledger row '"
                    + id
                    + "' is "
                    + status
                    + " but no page cites it, so nothing a reader sees rests on it; link it as ["
                    + id
                    + "](capabilities.md#"
                    + id
                    + ") from the section of "
                    + README
                    + " or docs/ that states it, or remove the row");
          }
        });
    for (Exemption exemption : exemptions) {
      if (!used.contains(exemption)) {
        problems.add(
            "exemption of "
                + describe(exemption)
                + " matches no page or section; remove it from ClaimCitations.EXEMPTIONS");
      }
    }
    return problems;
  }

  /** Returns the checked pages, the README first, as paths relative to the root with '/'. */
  List<String> pages() {
    List<String> pages = new ArrayList<>();
    if (Files.isRegularFile(root.resolve(README))) {
      pages.add(README);
    }
    Path docs = root.resolve(DOCS);
    if (Files.isDirectory(docs)) {
      try (Stream<Path> files = Files.walk(docs)) {
        files
            .filter(file -> file.toString().endsWith(".md"))
            .map(file -> root.relativize(file).toString().replace('\\', '/'))
            .sorted()
            .forEach(pages::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return pages;
  }

  /** Cuts a page into sections at its headings; fenced code never starts a section. */
  List<Section> sections(String page) {
    List<String> lines = CapabilityLedger.read(root.resolve(page));
    List<Section> sections = new ArrayList<>();
    String heading = "(top of the page)";
    int headingLine = 0;
    List<String> text = new ArrayList<>();
    List<String> prose = new ArrayList<>();
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (FENCE.matcher(line).find()) {
        fenced = !fenced;
        text.add(line);
        continue;
      }
      Matcher match = HEADING.matcher(line);
      if (!fenced && match.matches()) {
        if (headingLine > 0 || !text.isEmpty()) {
          sections.add(new Section(page, heading, headingLine, text, prose));
        }
        heading = match.group(2);
        headingLine = i + 1;
        text = new ArrayList<>();
        prose = new ArrayList<>();
        continue;
      }
      text.add(line);
      if (!fenced) {
        prose.add(line);
      }
    }
    sections.add(new Section(page, heading, headingLine, text, prose));
    return sections;
  }

  private Set<String> citations(
      Section section, Map<String, String> statusById, List<String> problems) {
    Set<String> cited = new LinkedHashSet<>();
    Path pagePath = root.resolve(section.page()).normalize();
    Path ledger = root.resolve(CapabilityLedger.LEDGER).normalize();
    for (String line : section.prose()) {
      Matcher link = LINK.matcher(line);
      while (link.find()) {
        String target = link.group(2);
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? "" : target.substring(hash + 1);
        if (file.contains("://")) {
          continue;
        }
        Path resolved = file.isEmpty() ? pagePath : pagePath.getParent().resolve(file).normalize();
        if (!resolved.equals(ledger)) {
          if (Path.of(file).getFileName() != null
              && Path.of(file).getFileName().toString().equals("capabilities.md")) {
            problems.add(
                where(section)
                    + ": links "
                    + target
                    + ", which does not lead to "
                    + CapabilityLedger.LEDGER
                    + "; write "
                    + ledgerLink(section.page(), anchor.isEmpty() ? "<id>" : anchor));
          }
          continue;
        }
        if (anchor.isEmpty()) {
          continue;
        }
        String status = statusById.get(anchor);
        if (status == null) {
          problems.add(
              where(section)
                  + ": links "
                  + target
                  + ", but "
                  + CapabilityLedger.LEDGER
                  + " has no row '"
                  + anchor
                  + "'; link an existing row, or add the row with the tests that show the claim");
        } else if (status.equals("planned")) {
          problems.add(
              where(section)
                  + ": links ledger row '"
                  + anchor
                  + "', which is planned; a page may claim only what a done or partial row shows");
        } else {
          cited.add(anchor);
        }
      }
    }
    return cited;
  }

  private List<String> testProblems(Section section) {
    List<String> problems = new ArrayList<>();
    for (String line : section.prose()) {
      Matcher test = TEST.matcher(line);
      while (test.find()) {
        String problem = tests.problemWith(test.group(1), test.group(2));
        if (problem != null) {
          problems.add(
              where(section)
                  + ": names test "
                  + test.group(1)
                  + "#"
                  + test.group(2)
                  + ", which "
                  + problem);
        }
      }
    }
    return problems;
  }

  private String uncited(Section section) {
    return where(section)
        + " states behaviour but cites no ledger row; add a line such as \"Shown by "
        + "["
        + "<id>"
        + "]("
        + ledgerLink(section.page(), "<id>")
        + ").\" naming the rows of "
        + CapabilityLedger.LEDGER
        + " whose tests show it (add a row first if none does). If the section states nothing a"
        + " test could show, list it in ClaimCitations.EXEMPTIONS with the reason";
  }

  /** Returns the link to a ledger row as written from {@code page}. */
  private String ledgerLink(String page, String id) {
    Path from = root.resolve(page).normalize().getParent();
    Path ledger = root.resolve(CapabilityLedger.LEDGER).normalize();
    return from.relativize(ledger).toString().replace('\\', '/') + "#" + id;
  }

  private static String where(Section section) {
    return section.page() + ", section \"" + section.heading() + "\" (line " + section.line() + ")";
  }

  private Exemption exemptionOfPage(String page) {
    return exemptions.stream().filter(e -> e.coversPage(page)).findFirst().orElse(null);
  }

  private Exemption exemptionOf(String page, String heading) {
    return exemptions.stream().filter(e -> e.coversSection(page, heading)).findFirst().orElse(null);
  }

  private static String describe(Exemption exemption) {
    return exemption.section() == null
        ? exemption.page()
        : exemption.page() + ", section \"" + exemption.section() + "\"";
  }
}
