package io.rustok.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import io.rustok.core.domain.outbox.EventTransport;

/**
 * The layering rules, shared by the test that checks the real code and the test that checks the
 * rules themselves catch a violation. Every rule fails when the classes it names do not exist
 * (ArchUnit's default {@code failOnEmptyShould}), so a renamed package cannot make it pass
 * vacuously.
 */
final class LayerRules {
  static final String DOMAIN = "io.rustok.core.domain..";
  static final String APPLICATION = "io.rustok.core.application..";
  static final String INMEMORY = "io.rustok.core.adapters.inmemory..";
  static final String JOOQ = "io.rustok.core.adapters.jooq..";
  static final String HTTP = "io.rustok.core.adapters.http..";

  static final ArchRule DOMAIN_USES_ONLY_THE_JDK =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(DOMAIN, "java..")
          .because(
              "the domain jar is reused by modules and consumers that must not inherit"
                  + " any library, not even a logging API");

  static final ArchRule APPLICATION_USES_ONLY_DOMAIN_AND_SLF4J =
      classes()
          .that()
          .resideInAPackage(APPLICATION)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(APPLICATION, DOMAIN, "java..", "org.slf4j..")
          .because("use cases orchestrate ports and must not know which adapter serves them");

  static final ArchRule INMEMORY_IGNORES_OTHER_ADAPTERS = adapterIsolated(INMEMORY, JOOQ, HTTP);
  static final ArchRule JOOQ_IGNORES_OTHER_ADAPTERS = adapterIsolated(JOOQ, INMEMORY, HTTP);
  static final ArchRule HTTP_IGNORES_OTHER_ADAPTERS = adapterIsolated(HTTP, INMEMORY, JOOQ);

  static final ArchRule NO_PACKAGE_CYCLES =
      slices()
          .matching("io.rustok.core.(**)")
          .should()
          .beFreeOfCycles()
          .because("a cycle between packages makes neither side understandable alone");

  static final String RELAY = "io.rustok.core.application.outbox.RelayOutbox";

  private static final DescribedPredicate<AccessTarget> TRANSPORT_DELIVER =
      DescribedPredicate.describe(
          "EventTransport.deliver",
          target ->
              target.getName().equals("deliver")
                  && target.getOwner().isAssignableTo(EventTransport.class));

  static final ArchRule ONLY_THE_RELAY_DELIVERS =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(RELAY)
          .should()
          .callMethodWhere(JavaCall.Predicates.target(TRANSPORT_DELIVER))
          .because(
              "an event may leave the service only after it committed, and the relay reads only"
                  + " committed events");

  private LayerRules() {}

  private static ArchRule adapterIsolated(String adapter, String... others) {
    return noClasses()
        .that()
        .resideInAPackage(adapter)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .because("adapters are interchangeable only if none of them relies on another");
  }
}
