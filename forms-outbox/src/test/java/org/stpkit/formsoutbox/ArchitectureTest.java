package org.stpkit.formsoutbox;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.stpkit.formsoutbox.internal.OperationsQueries;
import org.stpkit.formsoutbox.internal.OutboxAssembly;
import org.stpkit.formsoutbox.internal.OutboxSchema;
import org.stpkit.formsoutbox.internal.ProgressRows;
import org.stpkit.testsupport.ArchitectureRules;

/**
 * The module's shape: see {@link ArchitectureRules}. The API reaches its internals through one entry
 * point per concept: the database's tables, the assembled outbox, the operators' queries, and saved progress.
 */
@AnalyzeClasses(packages = "org.stpkit.formsoutbox", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final ArchitectureRules.Module MODULE = ArchitectureRules.module("org.stpkit.formsoutbox")
      .entryPoints(OutboxSchema.class, OutboxAssembly.class, OperationsQueries.class,
          ProgressRows.class);

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
