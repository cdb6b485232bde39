package org.stpkit.idam;

import java.util.Comparator;
import java.util.Optional;

/**
 * One piece of access in Keycloak: membership of a group (by path), a realm role, or a role of a
 * client (by client id). {@link #key()} is its stable text form, as the tool records it on users.
 */
public record Grant(Kind kind, String client, String name) implements Comparable<Grant> {
  private static final Comparator<Grant> ORDER =
      Comparator.comparing(Grant::kind).thenComparing(Grant::client).thenComparing(Grant::name);

  public enum Kind { GROUP, REALM_ROLE, CLIENT_ROLE }

  public Grant {
    if (name.isBlank()) {
      throw new IllegalArgumentException("A grant needs a name");
    }
    if ((kind == Kind.CLIENT_ROLE) == client.isEmpty()) {
      throw new IllegalArgumentException("A client role, and only a client role, names its client: " + kind + " " + name);
    }
    if (kind == Kind.GROUP && !name.startsWith("/")) {
      throw new IllegalArgumentException("A group is named by its path, starting with '/': " + name);
    }
  }

  public static Grant group(String path) {
    return new Grant(Kind.GROUP, "", path);
  }

  public static Grant realmRole(String role) {
    return new Grant(Kind.REALM_ROLE, "", role);
  }

  public static Grant clientRole(String clientId, String role) {
    return new Grant(Kind.CLIENT_ROLE, clientId, role);
  }

  /** {@code group:/a/b}, {@code realm-role:name} or {@code client-role:client/name}. */
  public String key() {
    return switch (kind) {
      case GROUP -> "group:" + name;
      case REALM_ROLE -> "realm-role:" + name;
      case CLIENT_ROLE -> "client-role:" + client + "/" + name;
    };
  }

  /** The grant a {@link #key()} names, if it names one. */
  public static Optional<Grant> fromKey(String key) {
    try {
      if (key.startsWith("group:")) {
        return Optional.of(group(key.substring("group:".length())));
      }
      if (key.startsWith("realm-role:")) {
        return Optional.of(realmRole(key.substring("realm-role:".length())));
      }
      if (key.startsWith("client-role:")) {
        String rest = key.substring("client-role:".length());
        int slash = rest.indexOf('/');
        return slash <= 0 ? Optional.empty() : Optional.of(clientRole(rest.substring(0, slash), rest.substring(slash + 1)));
      }
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Whether this is a role (realm or client) rather than a group. */
  public boolean isRole() {
    return kind != Kind.GROUP;
  }

  @Override
  public int compareTo(Grant other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return key();
  }
}
