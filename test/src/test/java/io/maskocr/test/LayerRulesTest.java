package io.maskocr.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module direction renderer <- engine <- viewers <- app, written as tests. */
class LayerRulesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the engine's test-jar (tiny ONNX models for the UI tests) holds test classes too
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.maskocr");
  }

  @Test
  void rendererDependsOnNothingOfOurs() {
    noClasses()
        .that().resideInAPackage("io.maskocr.renderer..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("io.maskocr.engine..", "io.maskocr.viewers..", "io.maskocr.app..",
            "ai.djl..", "javafx..")
        .check(classes);
  }

  @Test
  void engineNeverSeesJavaFxOrUpperLayers() {
    noClasses()
        .that().resideInAPackage("io.maskocr.engine..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("io.maskocr.viewers..", "io.maskocr.app..", "javafx..")
        .check(classes);
  }

  @Test
  void viewersNeverSeeNdArraysOrTheApp() {
    noClasses()
        .that().resideInAPackage("io.maskocr.viewers..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("io.maskocr.app..", "ai.djl..", "java.sql..")
        .check(classes);
  }

  @Test
  void sqlStaysInTheStore() {
    noClasses()
        .that().resideOutsideOfPackage("io.maskocr.engine.store..")
        .should().dependOnClassesThat().resideInAPackage("java.sql..")
        .check(classes);
  }

  @Test
  void onlyJsonBuildsAJsonMapperInTheEngineAndTheApp() {
    // one place configures JSON (io.maskocr.engine.io.Json); the renderer cannot see it.
    // AnnotatorSettings is left to the annotate view's owners, who work on it now.
    noClasses()
        .that().resideInAnyPackage("io.maskocr.engine..", "io.maskocr.app..")
        .and().doNotHaveFullyQualifiedName("io.maskocr.engine.io.Json")
        .and().doNotHaveFullyQualifiedName("io.maskocr.app.ui.annotate.AnnotatorSettings")
        .should().callConstructor("com.fasterxml.jackson.databind.ObjectMapper")
        .check(classes);
  }

  @Test
  void nobodyReconfiguresTheSharedJsonMappers() {
    // Json's mappers are shared: a disable() in one reader would change every other reader
    DescribedPredicate<JavaCall<?>> reconfigures =
        JavaCall.Predicates.target(AccessTarget.Predicates.declaredIn("com.fasterxml.jackson.databind.ObjectMapper"))
            .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                "enable|disable|configure|set[A-Z].*|register.*|addMixIn|activateDefaultTyping.*")));
    noClasses()
        .that().resideInAnyPackage("io.maskocr.engine..", "io.maskocr.app..")
        .and().doNotHaveFullyQualifiedName("io.maskocr.engine.io.Json")
        .and().doNotHaveFullyQualifiedName("io.maskocr.app.ui.annotate.AnnotatorSettings")
        .should().callMethodWhere(reconfigures)
        .check(classes);
  }

  @Test
  void appNeverTouchesNdArrays() {
    noClasses()
        .that().resideInAPackage("io.maskocr.app..")
        .should().dependOnClassesThat().resideInAPackage("ai.djl.ndarray..")
        .check(classes);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("io.maskocr.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theRulesSeeOurClasses() {
    // An import that finds nothing would let every rule above pass vacuously.
    org.junit.jupiter.api.Assertions.assertTrue(classes.size() > 300, "imported only " + classes.size() + " classes");
    for (String module : new String[] {"renderer", "engine", "viewers", "app"}) {
      org.junit.jupiter.api.Assertions.assertTrue(
          classes.stream().anyMatch(c -> c.getPackageName().startsWith("io.maskocr." + module)),
          "no class of module " + module + " was imported");
    }
  }
}
