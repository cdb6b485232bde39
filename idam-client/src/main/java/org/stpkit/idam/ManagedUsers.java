package org.stpkit.idam;

/**
 * The attributes the tool keeps on the Keycloak users it manages, besides the HR attributes. All
 * must be declared in the realm's user profile, editable by admins only
 * ({@link UserProfileDeclaration}).
 */
public final class ManagedUsers {
  /** Marks a user as managed, with the policy's {@link AccessPolicy#managedBy()} as value. Users without it are never changed. */
  public static final String MANAGED_BY = "stp-managed-by";
  /** The groups and roles the tool gave the user (as {@link Grant#key()}s): only these are ever taken away. */
  public static final String GRANTED = "stp-granted";
  /** Where the tool put the user: a {@link UserStatus#attributeValue()}. */
  public static final String STATUS = "stp-status";
  /** The day the tool disabled the user as a leaver; the retention period counts from it. */
  public static final String LEFT_ON = "stp-left-on";
  /**
   * {@value #OWED} while the user is owed the policy's actions email (absent otherwise): written with the account (or
   * at a pre-hire's start) and removed once Keycloak has sent the email, so a failed email is sent
   * by a later run.
   */
  public static final String ACTIONS_EMAIL = "stp-actions-email";
  public static final String OWED = "owed";
  /** Every attribute the tool itself writes, besides the policy's HR attributes. */
  public static final java.util.List<String> TOOL_ATTRIBUTES =
      java.util.List.of(MANAGED_BY, STATUS, GRANTED, LEFT_ON, ACTIONS_EMAIL);
  /** The HR attribute users are correlated on. */
  public static final String EMPLOYEE_NUMBER = "employeeNumber";

  private ManagedUsers() {
  }
}
