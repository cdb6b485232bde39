package org.stpkit.idam;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.stpkit.testsupport.ArchitectureRules;

/** The module's API is its root package; internals stay internal; no package cycles. */
@AnalyzeClasses(packages = "org.stpkit.idam", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String ROOT = "org.stpkit.idam";

  @ArchTest
  static final ArchRule noPackageCycles = ArchitectureRules.noPackageCycles(ROOT);

  @ArchTest
  static final ArchRule noOtherModulesInternals = ArchitectureRules.noOtherModulesInternals(ROOT);

  @ArchTest
  static final ArchRule publicApiExposesNoInternalTypes = ArchitectureRules.publicApiExposesNoInternalTypes(ROOT);
}
