package org.stpkit.idam.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;

/** The realm's user profile: which attributes Keycloak keeps (it drops undeclared ones without a word). */
final class UserProfileAccess {
  private final RealmResource realm;
  private final Retry retry;

  UserProfileAccess(RealmResource realm, Retry retry) {
    this.realm = realm;
    this.retry = retry;
  }

  /** The names the profile does not declare, or none when the realm keeps unmanaged attributes anyway. */
  List<String> undeclared(List<String> names) {
    UPConfig config = read();
    UPConfig.UnmanagedAttributePolicy unmanaged = config.getUnmanagedAttributePolicy();
    if (unmanaged == UPConfig.UnmanagedAttributePolicy.ENABLED || unmanaged == UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT) {
      return List.of();
    }
    Set<String> declared = new TreeSet<>();
    for (UPAttribute attribute : config.getAttributes()) {
      declared.add(attribute.getName());
    }
    return names.stream().filter(name -> !declared.contains(name)).toList();
  }

  UPConfig read() {
    return retry.call("read the user profile", () -> realm.users().userProfile().getConfiguration());
  }

  void update(UPConfig config) {
    retry.run("update the user profile", () -> realm.users().userProfile().update(config));
  }
}
