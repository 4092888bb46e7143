package io.rustok.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.rustok.core.docs.ClaimCitations.Exemption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimCitationsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String LEDGER =
      """
      # Capabilities

      Shown by [ledger](#ledger).

      | id | capability | status | tests |
      |---|---|---|---|
      | <a id="ledger"></a>ledger | The ledger is checked | done | `ClaimTest#claimsAreExclusive` |
      | <a id="claims"></a>claims | Claims are exclusive | done | `ClaimTest#claimsAreExclusive` |
      | <a id="sharding"></a>sharding | Events are sharded | planned | |
      """;

  @Tag("capability")
  @Test
  void everyClaimInThePagesCitesTheLedger() {
    List<String> problems = new ClaimCitations(ROOT, ClaimCitations.EXEMPTIONS).problems();

    assertThat(problems).as("pages that do not rest on %s", CapabilityLedger.LEDGER).isEmpty();
  }

  @Test
  void citedSectionsPass(@TempDir Path repo) throws Exception {
    givenRepository(repo);
    givenPage(
        repo,
        "README.md",
        """
        # Example

        Claims are exclusive. Shown by [claims](docs/capabilities.md#claims).

        ## More

        - [docs/capabilities.md](docs/capabilities.md): the ledger
        """);

    List<String> problems =
        new ClaimCitations(
                repo, List.of(Exemption.section("README.md", "More", "links other pages")))
            .problems();

    assertThat(problems).isEmpty();
  }

  @Test
  void uncitedSectionIsReportedWithPageAndHeading(@TempDir Path repo) throws Exception {
    givenRepository(repo);
    givenPage(
        repo,
        "docs/outbox.md",
        """
        # Outbox

        Shown by [claims](capabilities.md#claims).

        ## Leases

        A claim expires after its lease.
        """);

    List<String> problems = new ClaimCitations(repo, List.of()).problems();

    assertThat(problems)
        .containsExactly(
            "docs/outbox.md, section \"Leases\" (line 5) states behaviour but cites no ledger row;"
                + " add a line such as \"Shown by [<id>](capabilities.md#<id>).\" naming the rows"
                + " of docs/capabilities.md whose tests show it (add a row first if none does). If"
                + " the section states nothing a test could show, list it in"
                + " ClaimCitations.EXEMPTIONS with the reason");
  }

  @Test
  void linkToMissingOrPlannedRowIsReported(@TempDir Path repo) throws Exception {
    givenRepository(repo);
    givenPage(
        repo,
        "README.md",
        """
        # Example

        Claims are exclusive. Shown by [claims](docs/capabilities.md#claims).

        ## Leases

        Leases expire. Shown by [leases](docs/capabilities.md#leases).

        ## Sharding

        Events are sharded. Shown by [sharding](docs/capabilities.md#sharding).
        """);

    List<String> problems = new ClaimCitations(repo, List.of()).problems();

    assertThat(problems)
        .containsExactly(
            "README.md, section \"Leases\" (line 5): links docs/capabilities.md#leases, but"
                + " docs/capabilities.md has no row 'leases'; link an existing row, or add the row"
                + " with the tests that show the claim",
            "README.md, section \"Leases\" (line 5) states behaviour but cites no ledger row; add a"
                + " line such as \"Shown by [<id>](docs/capabilities.md#<id>).\" naming the rows of"
                + " docs/capabilities.md whose tests show it (add a row first if none does). If the"
                + " section states nothing a test could show, list it in ClaimCitations.EXEMPTIONS"
                + " with the reason",
            "README.md, section \"Sharding\" (line 9): links ledger row 'sharding', which is"
                + " planned; a page may claim only what a done or partial row shows",
            "README.md, section \"Sharding\" (line 9) states behaviour but cites no ledger row;"
                + " add a line such as \"Shown by [<id>](docs/capabilities.md#<id>).\" naming the"
                + " rows of docs/capabilities.md whose tests show it (add a row first if none"
                + " does). If the section states nothing a test could show, list it in"
                + " ClaimCitations.EXEMPTIONS with the reason");
  }

  @Test
  void linkByWrongPathIsReported(@TempDir Path repo) throws Exception {
    givenRepository(repo);
    givenPage(
        repo,
        "README.md",
        """
        # Example

        Claims are exclusive. Shown by [claims](capabilities.md#claims).
        """);

    List<String> problems = new ClaimCitations(repo, List.of()).problems();

    assertThat(problems)
        .contains(
            "README.md, section \"Example\" (line 1): links capabilities.md#claims, which does not"
                + " lead to docs/capabilities.md; write docs/capabilities.md#claims");
  }

  @Test
  void doneRowThatNoPageCitesIsReported(@TempDir Path repo) throws Exception {
    givenRepository(repo);
    givenPage(
        repo,
        "README.md",
        """
        # Example

        A page that cites nothing but the ledger. Shown by [ledger](docs/capabilities.md#ledger).
        """);

    List<String> problems = new ClaimCitations(repo, List.of()).problems();

    assertThat(problems)
        .containsExactly(
            "ledger row 'claims' is done but no page cites it, so nothing a reader sees rests on"
                + " it; link it as [claims](capabilities.md#claims) from the section of README.md"
                + " or docs/ that states it, or remove the row");
  }

  @Test
  void exemptionsSkipPagesAndSectionsAndMustMatch(@TempDir Path repo) throws Exception {
    givenRepository(repo);
    givenPage(
        repo,
        "docs/figures.md",
        """
        # Figures

        1,000 claims per second on one core.
        """);
    givenPage(
        repo,
        "docs/outbox.md",
        """
        # Outbox

        Shown by [claims](capabilities.md#claims).

        ## Further reading

        See the figures.
        """);

    List<String> problems =
        new ClaimCitations(
                repo,
                List.of(
                    Exemption.page("docs/figures.md", "measured figures"),
                    Exemption.section("docs/outbox.md", "Further reading", "links only"),
                    Exemption.section("docs/outbox.md", "Renamed away", "links only")))
            .problems();

    assertThat(problems)
        .containsExactly(
            "exemption of docs/outbox.md, section \"Renamed away\" matches no page or section;"
                + " remove it from ClaimCitations.EXEMPTIONS");
  }

  @Test
  void headingsInsideCodeAreNotSections(@TempDir Path repo) throws Exception {
    givenRepository(repo);
    givenPage(
        repo,
        "README.md",
        """
        # Example

        Run it. Shown by [claims](docs/capabilities.md#claims).

        ```sh
        # start the service
        ./run
        ```
        """);

    List<String> problems = new ClaimCitations(repo, List.of()).problems();

    assertThat(problems).isEmpty();
  }

  @Test
  void missingTestNamedInPageIsReported(@TempDir Path repo) throws Exception {
    givenRepository(repo);
    givenPage(
        repo,
        "README.md",
        """
        # Example

        Claims are exclusive (`ClaimTest#claimsAreExclusive`, `ClaimTest#leasesExpire`).
        Shown by [claims](docs/capabilities.md#claims).
        """);

    List<String> problems = new ClaimCitations(repo, List.of()).problems();

    assertThat(problems)
        .containsExactly(
            "README.md, section \"Example\" (line 1): names test ClaimTest#leasesExpire, which"
                + " does not exist");
  }

  private static void givenRepository(Path repo) throws Exception {
    givenPage(repo, CapabilityLedger.LEDGER, LEDGER);
    Path dir = repo.resolve("module/src/test/java/example");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("ClaimTest.java"),
        "package example;\n\nclass ClaimTest {\n  @Test\n  void claimsAreExclusive() {}\n}\n");
  }

  private static void givenPage(Path repo, String page, String text) throws Exception {
    Path file = repo.resolve(page);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
