package org.stpkit.testsupport;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * local-keycloak's shape, checked here: test-support runs Keycloak through local-keycloak, so
 * local-keycloak's own tests cannot depend on test-support (the reactor would have a cycle).
 */
@AnalyzeClasses(packages = "org.stpkit.localkeycloak", importOptions = ImportOption.DoNotIncludeTests.class)
class LocalKeycloakArchitectureTest {
  private static final ArchitectureRules.Module MODULE = ArchitectureRules.module("org.stpkit.localkeycloak");

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
