package org.stpkit.idam;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.stpkit.idam.internal.AuditJson;
import org.stpkit.idam.internal.FeedReader;
import org.stpkit.idam.internal.KeycloakClaims;
import org.stpkit.idam.internal.KeycloakDirectory;
import org.stpkit.idam.internal.PlanFormat;
import org.stpkit.idam.internal.PolicyLoader;
import org.stpkit.idam.internal.ScimUsers;
import org.stpkit.testsupport.ArchitectureRules;

/**
 * The module's shape: see {@link ArchitectureRules}. One entry point per concept: the policy
 * reader, the feed reader, the plan's formats, Keycloak's admin API, the audit trail's JSON, the
 * claims of Keycloak's tokens, and SCIM users.
 */
@AnalyzeClasses(packages = "org.stpkit.idam", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final ArchitectureRules.Module MODULE = ArchitectureRules.module("org.stpkit.idam")
      .entryPoints(PolicyLoader.class, FeedReader.class, PlanFormat.class, KeycloakDirectory.class, AuditJson.class,
          KeycloakClaims.class, ScimUsers.class);

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
