package io.rustok.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilityLedgerTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Tag("capability")
  @Test
  void ledgerAgreesWithTheTests() {
    List<String> problems = new CapabilityLedger(ROOT).problems();

    assertThat(problems).as("problems in %s", CapabilityLedger.LEDGER).isEmpty();
  }

  @Test
  void renamedTestIsReportedWithItsRow(@TempDir Path repo) throws Exception {
    givenLedger(
        repo,
        "| <a id=\"claims\"></a>claims | Claims are exclusive | done | `ClaimTest#claimsAreExclusive` |");
    givenTest(
        repo,
        "ClaimTest",
        """
          @Test
          void claimsAreExclusiveRenamed() {}
        """);

    List<String> problems = new CapabilityLedger(repo).problems();

    assertThat(problems)
        .containsExactly(
            "ledger row 'claims' cites ClaimTest#claimsAreExclusive, which does not exist");
  }

  @Test
  void taggedTestWithoutRowIsReported(@TempDir Path repo) throws Exception {
    givenLedger(
        repo,
        "| <a id=\"claims\"></a>claims | Claims are exclusive | done | `ClaimTest#claimsAreExclusive` |");
    givenTest(
        repo,
        "ClaimTest",
        """
          @Test
          void claimsAreExclusive() {}

          @Tag("capability")
          @Test
          void leasesExpire() {}
        """);

    List<String> problems = new CapabilityLedger(repo).problems();

    assertThat(problems).hasSize(1);
    assertThat(problems.getFirst()).contains("ClaimTest#leasesExpire").contains("no row");
  }

  @Test
  void disabledTestAndDoneRowWithoutTestsAreReported(@TempDir Path repo) throws Exception {
    givenLedger(
        repo,
        "| <a id=\"claims\"></a>claims | Claims are exclusive | done | `ClaimTest#claimsAreExclusive` |\n"
            + "| <a id=\"leases\"></a>leases | Leases expire | done | |");
    givenTest(
        repo,
        "ClaimTest",
        """
          @Disabled("flaky")
          @Test
          void claimsAreExclusive() {}
        """);

    List<String> problems = new CapabilityLedger(repo).problems();

    assertThat(problems)
        .containsExactlyInAnyOrder(
            "ledger row 'claims' cites ClaimTest#claimsAreExclusive, which is disabled",
            "ledger row 'leases' is marked done but names no test");
  }

  @Test
  void rowWithoutAnchorIsReported(@TempDir Path repo) throws Exception {
    givenLedger(
        repo,
        "| claims | Claims are exclusive | done | `ClaimTest#claimsAreExclusive` |\n"
            + "| <a id=\"lease\"></a>leases | Leases expire | done | `ClaimTest#claimsAreExclusive` |");
    givenTest(
        repo,
        "ClaimTest",
        """
          @Test
          void claimsAreExclusive() {}
        """);

    List<String> problems = new CapabilityLedger(repo).problems();

    assertThat(problems)
        .containsExactly(
            "ledger row 'claims' has no anchor, so no page can link to it; write its id cell as"
                + " <a id=\"claims\"></a>claims",
            "ledger row 'leases' has the anchor 'lease'; the anchor and the id must be the same");
  }

  @Test
  void parameterizedTestWithMultiLineSourceIsFound(@TempDir Path repo) throws Exception {
    givenLedger(
        repo,
        "| <a id=\"claims\"></a>claims | Claims are exclusive | done | `ClaimTest#badHostIsRejected` |");
    givenTest(
        repo,
        "ClaimTest",
        """
          @ParameterizedTest
          @ValueSource(
              strings = {
                "a b",
                "a:99999"
              })
          void badHostIsRejected(String host) {}
        """);

    List<String> problems = new CapabilityLedger(repo).problems();

    assertThat(problems).isEmpty();
  }

  private static void givenLedger(Path repo, String rows) throws Exception {
    Files.createDirectories(repo.resolve("docs"));
    Files.writeString(
        repo.resolve(CapabilityLedger.LEDGER),
        "| id | capability | status | tests |\n|---|---|---|---|\n" + rows + "\n");
  }

  private static void givenTest(Path repo, String className, String body) throws Exception {
    Path dir = repo.resolve("module/src/test/java/example");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(className + ".java"),
        "package example;\n\nclass " + className + " {\n" + body + "}\n");
  }
}
