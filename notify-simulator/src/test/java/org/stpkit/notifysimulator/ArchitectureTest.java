package org.stpkit.notifysimulator;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.stpkit.notifysimulator.internal.HttpApi;
import org.stpkit.notifysimulator.internal.ReceiptSender;
import org.stpkit.notifysimulator.internal.Simulation;
import org.stpkit.testsupport.ArchitectureRules;

/**
 * The module's shape: see {@link ArchitectureRules}. The API reaches its internals through one
 * entry point per concept: the simulated service's state ({@link Simulation}), its HTTP routes
 * ({@link HttpApi}) and the delivery receipts it posts ({@link ReceiptSender}).
 */
@AnalyzeClasses(packages = "org.stpkit.notifysimulator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final ArchitectureRules.Module MODULE = ArchitectureRules.module("org.stpkit.notifysimulator")
      .entryPoints(Simulation.class, HttpApi.class, ReceiptSender.class);

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
