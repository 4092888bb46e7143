package io.rustok.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import io.rustok.core.application.archviolation.UseCaseCallingTheTransport;
import io.rustok.core.domain.archviolation.DomainClassUsingJackson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rustok.core");
  }

  @Test
  void domainUsesOnlyTheJdk() {
    LayerRules.DOMAIN_USES_ONLY_THE_JDK.check(production);
  }

  @Test
  void applicationUsesOnlyDomainAndSlf4j() {
    LayerRules.APPLICATION_USES_ONLY_DOMAIN_AND_SLF4J.check(production);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    LayerRules.INMEMORY_IGNORES_OTHER_ADAPTERS.check(production);
    LayerRules.JOOQ_IGNORES_OTHER_ADAPTERS.check(production);
    LayerRules.HTTP_IGNORES_OTHER_ADAPTERS.check(production);
  }

  @Test
  void packagesHaveNoCycles() {
    LayerRules.NO_PACKAGE_CYCLES.check(production);
  }

  @Tag("capability")
  @Test
  void domainRuleCatchesAThirdPartyImport() {
    JavaClasses withViolation =
        new ClassFileImporter().importClasses(DomainClassUsingJackson.class);

    EvaluationResult result = LayerRules.DOMAIN_USES_ONLY_THE_JDK.evaluate(withViolation);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("com.fasterxml.jackson");
  }

  @Test
  void onlyTheRelayCallsTheTransport() {
    LayerRules.ONLY_THE_RELAY_DELIVERS.check(production);
  }

  @Test
  void transportRuleCatchesAUseCaseThatDelivers() {
    JavaClasses withViolation =
        new ClassFileImporter().importClasses(UseCaseCallingTheTransport.class);

    EvaluationResult result = LayerRules.ONLY_THE_RELAY_DELIVERS.evaluate(withViolation);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString())
        .contains(UseCaseCallingTheTransport.class.getName())
        .contains("EventTransport.deliver");
  }

  @Test
  void rulesFailWhenTheirPackagesDoNotExist() {
    JavaClasses unrelated = new ClassFileImporter().importClasses(String.class);

    assertThatThrownBy(() -> LayerRules.DOMAIN_USES_ONLY_THE_JDK.check(unrelated))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("failed to check any classes");
  }
}
