package org.stpkit.idam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.stpkit.idam.internal.KeycloakDirectory;

/**
 * Declares the attributes the tool writes in the realm's user profile. Keycloak (24 and later)
 * silently drops attributes its user profile does not declare, so this runs once per realm, and
 * again when the policy's attributes change, as a realm administrator: the tool's own service
 * account deliberately cannot change realm configuration. Attributes are declared as viewable and
 * editable by administrators only, so people cannot change their own employee number or access.
 */
public final class UserProfileDeclaration {
  private UserProfileDeclaration() {
  }

  /** Every attribute the policy makes the tool write: its HR attributes and the tool's own. */
  public static List<String> attributeNames(AccessPolicy policy) {
    List<String> names = new ArrayList<>(policy.attributes());
    names.addAll(ManagedUsers.TOOL_ATTRIBUTES);
    return names;
  }

  /**
   * Adds the policy's attributes to the realm's user profile, keeping everything else it
   * declares. Returns the names newly declared (none when already done).
   */
  public static List<String> apply(KeycloakConnection realmAdministrator, AccessPolicy policy) {
    try (KeycloakDirectory directory = new KeycloakDirectory(realmAdministrator, 2, 3, Duration.ofMillis(250))) {
      UPConfig config = directory.userProfile();
      List<String> added = declare(config, policy);
      if (!added.isEmpty()) {
        directory.updateUserProfile(config);
      }
      return added;
    }
  }

  private static List<String> declare(UPConfig config, AccessPolicy policy) {
    List<String> added = new ArrayList<>();
    for (String name : attributeNames(policy)) {
      if (config.getAttribute(name) == null) {
        UPAttribute attribute = new UPAttribute(name);
        attribute.setDisplayName(name);
        attribute.setPermissions(new UPAttributePermissions(Set.of("admin"), Set.of("admin")));
        attribute.setMultivalued(name.equals(ManagedUsers.GRANTED));
        attribute.setValidations(Map.of());
        config.addOrReplaceAttribute(attribute);
        added.add(name);
      }
    }
    return added;
  }
}
