package org.stpkit.notify;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.stpkit.notify.internal.CatalogueReader;
import org.stpkit.notify.internal.MessengerCore;
import org.stpkit.testsupport.ArchitectureRules;

/**
 * The module's shape: see {@link ArchitectureRules}. The API reaches its internals through one
 * entry point per concept: the messenger ({@link MessengerCore}) and reading a catalogue ({@link
 * CatalogueReader}).
 */
@AnalyzeClasses(packages = "org.stpkit.notify", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final ArchitectureRules.Module MODULE = ArchitectureRules.module("org.stpkit.notify")
      .entryPoints(MessengerCore.class, CatalogueReader.class);

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
