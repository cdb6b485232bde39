package org.stpkit.formsredis;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.stpkit.formsredis.internal.SessionConnection;
import org.stpkit.testsupport.ArchitectureRules;

/** The module's shape: see {@link ArchitectureRules}; the API reaches Redis through its connection. */
@AnalyzeClasses(packages = "org.stpkit.formsredis", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final ArchitectureRules.Module MODULE = ArchitectureRules.module("org.stpkit.formsredis")
      .entryPoints(SessionConnection.class);

  @ArchTest
  static final ArchRule noCycles = MODULE.noCycles();

  @ArchTest
  static final ArchRule apiReachesInternalsOnlyThroughEntryPoints = MODULE.apiReachesInternalsOnlyThroughEntryPoints();

  @ArchTest
  static final ArchRule noOtherModulesInternals = MODULE.noOtherModulesInternals();

  @ArchTest
  static final ArchRule publicApiExposesNoInternalTypes = MODULE.publicApiExposesNoInternalTypes();

  @ArchTest
  static final ArchRule everyPackageNullMarked = MODULE.everyPackageNullMarked();

  @ArchTest
  static final ArchRule ownsItsRootPackage = MODULE.ownsItsRootPackage();
}
