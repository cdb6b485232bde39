package org.stpkit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stpkit.fixtures.cyclic.internal.a.GadgetMaker;
import org.stpkit.fixtures.good.internal.WidgetMaker;
import org.stpkit.fixtures.leaky.internal.LeakyLoader;

/**
 * The rules themselves: each passes on a well-shaped fixture module and fails on a fixture with
 * the fault it exists to catch, so that no rule can pass by seeing nothing.
 */
class ArchitectureRulesTest {
  private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("org.stpkit.fixtures");

  private static final ArchitectureRules.Module GOOD =
      ArchitectureRules.module("org.stpkit.fixtures.good").entryPoints(WidgetMaker.class);
  private static final ArchitectureRules.Module CYCLIC =
      ArchitectureRules.module("org.stpkit.fixtures.cyclic").entryPoints(GadgetMaker.class);
  private static final ArchitectureRules.Module LEAKY =
      ArchitectureRules.module("org.stpkit.fixtures.leaky").entryPoints(LeakyLoader.class);

  @Test
  void aWellShapedModulePassesEveryRule() {
    for (ArchRule rule : GOOD.all()) {
      assertThat(rule.evaluate(FIXTURES).hasViolation()).as(rule.getDescription()).isFalse();
    }
  }

  @Test
  void cyclesBetweenInternalPackagesFail() {
    assertThat(violations(CYCLIC.noCycles()))
        .anySatisfy(line -> assertThat(line).contains("org.stpkit.fixtures.cyclic.internal.a")
            .contains("org.stpkit.fixtures.cyclic.internal.b"));
    // The cyclic fixture's API goes through its entry point, so only the cycle rule catches it.
    assertThat(CYCLIC.apiReachesInternalsOnlyThroughEntryPoints().evaluate(FIXTURES).hasViolation()).isFalse();
  }

  @Test
  void aCycleThroughTheRootPackageFails() {
    // Leaky → internal.Secret → Leaky: the API package is a slice of its own.
    assertThat(violations(LEAKY.noCycles()))
        .anySatisfy(line -> assertThat(line).contains("org.stpkit.fixtures.leaky.Leaky")
            .contains("org.stpkit.fixtures.leaky.internal.Secret"));
  }

  @Test
  void theApiUsingAnInternalClassThatIsNoEntryPointFails() {
    assertThat(violations(LEAKY.apiReachesInternalsOnlyThroughEntryPoints()))
        .anySatisfy(line -> assertThat(line).contains("Secret").contains("not a declared entry point"))
        .noneSatisfy(line -> assertThat(line).contains("LeakyLoader"));
  }

  @Test
  void anotherModulesInternalsFail() {
    assertThat(violations(LEAKY.noOtherModulesInternals()))
        .anySatisfy(line -> assertThat(line).contains("org.stpkit.fixtures.good.internal.Names"));
  }

  @Test
  void publicSignaturesExposingInternalTypesFail() {
    assertThat(violations(LEAKY.publicApiExposesNoInternalTypes()))
        .anySatisfy(line -> assertThat(line).contains("Leaky.reveal()").contains("Secret"))
        .anySatisfy(line -> assertThat(line).contains("Leaky.revealAll()").contains("Secret"))
        .anySatisfy(line -> assertThat(line).contains("Leaky.secret").contains("Secret"));
  }

  @Test
  void aPackageWithoutNullMarkedFails() {
    assertThat(violations(LEAKY.everyPackageNullMarked()))
        .anySatisfy(line -> assertThat(line).contains("package org.stpkit.fixtures.leaky.unmarked"))
        .noneSatisfy(line -> assertThat(line).contains("package org.stpkit.fixtures.leaky.spi"));
  }

  @Test
  void anotherModulesClassesUnderTheRootFail(@TempDir Path dir) throws Exception {
    // A class compiled apart stands for another module whose root lies inside this one's, as the
    // Notify simulator's once lay inside the adapter's.
    Path source = dir.resolve("src/org/stpkit/fixtures/good/intruder/Intruder.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package org.stpkit.fixtures.good.intruder; public final class Intruder {}");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, "-d", classes.toString(), source.toString())).isZero();

    JavaClasses both = new ClassFileImporter().importLocations(List.of(
        Location.of(classes), Location.of(Path.of(WidgetMaker.class.getProtectionDomain().getCodeSource().getLocation().toURI()))));
    assertThat(GOOD.ownsItsRootPackage().evaluate(FIXTURES).hasViolation()).isFalse();
    assertThat(violations(GOOD.ownsItsRootPackage(), both))
        .anySatisfy(line -> assertThat(line).contains("Intruder").contains("come from 2 places"));
  }

  @Test
  void anEntryPointMustBeAnInternalClassOfTheModule() {
    assertThatThrownBy(() -> ArchitectureRules.module("org.stpkit.fixtures.good").entryPoints(GadgetMaker.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GadgetMaker is not an internal class of org.stpkit.fixtures.good");
  }

  private static List<String> violations(ArchRule rule) {
    return violations(rule, FIXTURES);
  }

  private static List<String> violations(ArchRule rule, JavaClasses classes) {
    EvaluationResult result = rule.evaluate(classes);
    assertThat(result.hasViolation()).as("%s should fail on its planted fault", rule.getDescription()).isTrue();
    return result.getFailureReport().getDetails();
  }
}
