package org.stpkit.idam;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Access in Keycloak: group paths ({@code /caseworking/visas}), realm roles and client roles.
 * Each access is one {@link Grant}, so sets of access compare, add and subtract simply.
 */
public record Grants(Set<Grant> all) {
  public static final Grants NONE = new Grants(Set.of());

  public Grants {
    all = Set.copyOf(all);
  }

  public static Grants of(Grant... grants) {
    return new Grants(Set.of(grants));
  }

  public static Grants of(Collection<Grant> grants) {
    return new Grants(Set.copyOf(grants));
  }

  /** The grants named by {@link Grant#key()}s, as the tool records them; keys that name none are skipped. */
  public static Grants fromKeys(Collection<String> keys) {
    return new Grants(keys.stream().map(Grant::fromKey).flatMap(java.util.Optional::stream).collect(Collectors.toSet()));
  }

  public Grants plus(Grants other) {
    return new Grants(Stream.concat(all.stream(), other.all.stream()).collect(Collectors.toSet()));
  }

  public Grants minus(Grants other) {
    return new Grants(all.stream().filter(g -> !other.all.contains(g)).collect(Collectors.toSet()));
  }

  public Grants retain(Grants other) {
    return new Grants(all.stream().filter(other.all::contains).collect(Collectors.toSet()));
  }

  public boolean contains(Grant grant) {
    return all.contains(grant);
  }

  public boolean isEmpty() {
    return all.isEmpty();
  }

  /** The grants in a stable order: groups, then realm roles, then client roles, each by name. */
  public Set<Grant> sorted() {
    return new TreeSet<>(all);
  }

  /** The grants as their {@link Grant#key()} strings, sorted. */
  public Set<String> keys() {
    return all.stream().map(Grant::key).collect(Collectors.toCollection(TreeSet::new));
  }

  @Override
  public String toString() {
    return keys().toString();
  }
}
