package org.stpkit.examples.caseworking;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.stpkit.testsupport.ArchitectureRules;

/**
 * The example's shape: see {@link ArchitectureRules}. A service, not a library: one package, which
 * uses the kit's APIs and starters and never their internals.
 */
@AnalyzeClasses(packages = "org.stpkit.examples.caseworking", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final ArchitectureRules.Module MODULE = ArchitectureRules.module("org.stpkit.examples.caseworking");

  @ArchTest
  static final ArchRule noCycles = MODULE.noCycles();

  @ArchTest
  static final ArchRule noOtherModulesInternals = MODULE.noOtherModulesInternals();

  @ArchTest
  static final ArchRule everyPackageNullMarked = MODULE.everyPackageNullMarked();

  @ArchTest
  static final ArchRule ownsItsRootPackage = MODULE.ownsItsRootPackage();
}
