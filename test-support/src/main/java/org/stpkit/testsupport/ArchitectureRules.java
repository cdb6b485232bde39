package org.stpkit.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules every module keeps: its root package is its API, {@code spi} its extension points,
 * {@code internal} the rest. Use from an {@code @AnalyzeClasses} test in each module.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  /** No cycles between the module's packages. */
  public static ArchRule noPackageCycles(String rootPackage) {
    return slices().matching(rootPackage + ".(**)").should().beFreeOfCycles();
  }

  /** The module touches no other module's {@code ..internal..} package. */
  public static ArchRule noOtherModulesInternals(String rootPackage) {
    return noClasses().that().resideInAPackage(rootPackage + "..")
        .should().dependOnClassesThat(new com.tngtech.archunit.base.DescribedPredicate<JavaClass>(
            "are internal to another STP Kit module") {
          @Override
          public boolean test(JavaClass type) {
            String name = type.getPackageName();
            return name.startsWith("org.stpkit.") && name.contains(".internal")
                && !name.startsWith(rootPackage + ".");
          }
        });
  }

  /** Public methods and constructors of public API types expose no {@code ..internal..} types. */
  public static ArchRule publicApiExposesNoInternalTypes(String rootPackage) {
    return codeUnits().that().arePublic()
        .and().areDeclaredInClassesThat().resideInAPackage(rootPackage + "..")
        .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
        .and().areDeclaredInClassesThat().arePublic()
        .should(new ArchCondition<JavaCodeUnit>("expose no ..internal.. types in their signatures") {
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
        });
  }
}
