package org.stpkit.templates;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/** The module's API is its root package; internals stay internal; no package cycles. */
@AnalyzeClasses(packages = "org.stpkit.templates", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("org.stpkit.templates.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule internalsDoNotReachBackIntoOtherModules =
      noClasses().that().resideInAPackage("org.stpkit.templates..")
          .should().dependOnClassesThat().resideInAPackage("org.stpkit.[forms|notify|idam|cli]..");

  @ArchTest
  static final ArchRule publicApiExposesNoInternalTypes =
      codeUnits().that().arePublic()
          .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
          .and().areDeclaredInClassesThat().arePublic()
          .should(exposeNoInternalTypes());

  static ArchCondition<JavaCodeUnit> exposeNoInternalTypes() {
    return new ArchCondition<>("expose no ..internal.. types in their signatures") {
      @Override
      public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
        List<JavaClass> signatureTypes = new ArrayList<>(codeUnit.getRawParameterTypes());
        signatureTypes.add(codeUnit.getRawReturnType());
        signatureTypes.addAll(codeUnit.getThrowsClause().getTypes());
        for (JavaClass type : signatureTypes) {
          if (type.getPackageName().contains(".internal")) {
            events.add(SimpleConditionEvent.violated(codeUnit, codeUnit.getFullName() + " exposes " + type.getName()));
          }
        }
      }
    };
  }
}
