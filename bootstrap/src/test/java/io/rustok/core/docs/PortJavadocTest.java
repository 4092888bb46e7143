package io.rustok.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortJavadocTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String PORT_FILE = "domain/src/main/java/example/Store.java";

  @Tag("capability")
  @Test
  void everyPortMethodNamesItsContractTests() {
    List<String> problems = new PortJavadoc(ROOT).problems();

    assertThat(problems).as("port Javadoc that does not rest on tests").isEmpty();
  }

  @Test
  void citedPortPasses(@TempDir Path repo) throws Exception {
    givenRepository(repo);
    givenPort(
        repo,
        """
        /**
         * Storage of things.
         *
         * <p>Shown by {@code StoreContract#savedThingIsFound}.
         */
        public interface Store {
          /**
           * Saves a thing; a saved thing is found by its id. The text below is wrapped by the
           * formatter, so its reference spans two lines.
           *
           * <p>Shown by {@code
           * StoreContract#savedThingIsFound}.
           *
           * @throws IllegalStateException if no unit of work is active
           */
          void save(String thing);
        }
        """);

    List<String> problems = new PortJavadoc(repo).problems();

    assertThat(problems).isEmpty();
  }

  @Test
  void methodWithoutJavadocOrTestIsReported(@TempDir Path repo) throws Exception {
    givenRepository(repo);
    givenPort(
        repo,
        """
        /**
         * Storage of things.
         *
         * <p>Shown by {@code StoreContract#savedThingIsFound}.
         */
        public interface Store {
          void save(String thing);

          /** Returns the thing with this id; the text {@code ;} and "{" do not end it. */
          String find(String id);

          private void helper() {}
        }
        """);

    List<String> problems = new PortJavadoc(repo).problems();

    assertThat(problems)
        .containsExactly(
            PORT_FILE
                + ": Store.save (line 9) has no Javadoc; write what it promises and end the"
                + " description with \"<p>Shown by {@code SomeContract#someTest}.\" naming the"
                + " tests that show it",
            PORT_FILE
                + ": Store.find (line 12) names no test; end the description with \"<p>Shown by"
                + " {@code SomeContract#someTest}.\" naming the tests that show what it states");
  }

  @Test
  void missingTestAndMissingContractTestAreReported(@TempDir Path repo) throws Exception {
    givenRepository(repo);
    givenPort(
        repo,
        """
        /**
         * Storage of things.
         *
         * <p>Shown by {@code StoreContract#savedThingIsFound}.
         */
        public interface Store {
          /**
           * Saves a thing.
           *
           * <p>Shown by {@code StoreContract#savedThingIsFoundAgain}.
           */
          void save(String thing);

          /**
           * Returns the thing with this id.
           *
           * <p>Shown by {@code StoreUnitTest#findReturnsThing}.
           */
          String find(String id);
        }
        """);

    List<String> problems = new PortJavadoc(repo).problems();

    assertThat(problems)
        .containsExactly(
            PORT_FILE
                + ": Store.save (line 14) names test StoreContract#savedThingIsFoundAgain, which"
                + " does not exist",
            PORT_FILE
                + ": Store.find (line 21) names no test of the contract suites in test-fixtures,"
                + " so no test shows that both adapters keep its promise; add one to the suite of"
                + " its port and name it");
  }

  @Test
  void sealedInterfacesAndClassesAreNotPorts(@TempDir Path repo) throws Exception {
    givenRepository(repo);
    givenSource(
        repo,
        "domain/src/main/java/example/Event.java",
        "package example;\n\npublic sealed interface Event permits Created {\n  String type();\n}\n");
    givenSource(
        repo,
        "domain/src/main/java/example/Created.java",
        "package example;\n\n"
            + "public final class Created implements Event {\n"
            + "  public interface Nested {\n    void run();\n  }\n\n"
            + "  public String type() {\n    return \"created\";\n  }\n}\n");

    List<String> problems = new PortJavadoc(repo).problems();

    assertThat(problems).isEmpty();
  }

  private static void givenRepository(Path repo) throws Exception {
    givenSource(
        repo,
        "test-fixtures/src/main/java/io/rustok/core/testing/contract/StoreContract.java",
        "package contract;\n\nclass StoreContract {\n  @Test\n  void savedThingIsFound() {}\n}\n");
    givenSource(
        repo,
        "module/src/test/java/example/StoreUnitTest.java",
        "package example;\n\nclass StoreUnitTest {\n  @Test\n  void findReturnsThing() {}\n}\n");
    givenSource(
        repo,
        "domain/src/main/java/example/EventUpcaster.java",
        "package example;\n\npublic interface EventUpcaster {\n  int fromVersion();\n}\n");
    givenSource(
        repo,
        "domain/src/main/java/example/EventTransport.java",
        """
        package example;

        /**
         * Where events go.
         *
         * <p>Shown by {@code StoreUnitTest#findReturnsThing}.
         */
        public interface EventTransport {
          /**
           * Delivers events.
           *
           * <p>Shown by {@code StoreUnitTest#findReturnsThing}.
           */
          void deliver();
        }
        """);
    givenSource(
        repo,
        "domain/src/main/java/example/IdSource.java",
        """
        package example;

        /**
         * New ids.
         *
         * <p>Shown by {@code StoreUnitTest#findReturnsThing}.
         */
        @FunctionalInterface
        public interface IdSource {
          /**
           * Returns a new id.
           *
           * <p>Shown by {@code StoreUnitTest#findReturnsThing}.
           */
          String newId();
        }
        """);
  }

  private static void givenPort(Path repo, String body) throws Exception {
    givenSource(repo, PORT_FILE, "package example;\n\n" + body);
  }

  private static void givenSource(Path repo, String path, String text) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
