package org.stpkit.notify.simulator;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.stpkit.testsupport.ArchitectureRules;

/**
 * The module's shape: see {@link ArchitectureRules}. Being reshaped for the stricter rules
 * (issue 12); until then it is held to these: noOtherModulesInternals, publicApiExposesNoInternalTypes, everyPackageNullMarked, ownsItsRootPackage.
 */
@AnalyzeClasses(packages = "org.stpkit.notify.simulator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final ArchitectureRules.Module MODULE = ArchitectureRules.module("org.stpkit.notify.simulator");

  @ArchTest
  static final ArchRule noOtherModulesInternals = MODULE.noOtherModulesInternals();

  @ArchTest
  static final ArchRule publicApiExposesNoInternalTypes = MODULE.publicApiExposesNoInternalTypes();

  @ArchTest
  static final ArchRule everyPackageNullMarked = MODULE.everyPackageNullMarked();

  @ArchTest
  static final ArchRule ownsItsRootPackage = MODULE.ownsItsRootPackage();
}
