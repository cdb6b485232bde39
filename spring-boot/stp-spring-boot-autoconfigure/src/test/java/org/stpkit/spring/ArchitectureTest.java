package org.stpkit.spring;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.stpkit.testsupport.ArchitectureRules;

/**
 * The module's shape: see {@link ArchitectureRules}. It has no {@code internal} package: each
 * product's package holds its auto-configuration, its properties and the few public types a service
 * uses, and the rest is package-private. It wraps the products' APIs and never their internals.
 */
@AnalyzeClasses(packages = "org.stpkit.spring", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final ArchitectureRules.Module MODULE = ArchitectureRules.module("org.stpkit.spring");

  @ArchTest
  static final ArchRule noCycles = MODULE.noCycles();

  @ArchTest
  static final ArchRule noOtherModulesInternals = MODULE.noOtherModulesInternals();

  @ArchTest
  static final ArchRule everyPackageNullMarked = MODULE.everyPackageNullMarked();

  @ArchTest
  static final ArchRule ownsItsRootPackage = MODULE.ownsItsRootPackage();
}
