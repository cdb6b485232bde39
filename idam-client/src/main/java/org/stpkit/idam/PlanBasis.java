package org.stpkit.idam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a {@link Plan} was made from, as SHA-256 digests: the day, the access policy, the HR feed,
 * and each managed user as Keycloak held them. A reviewed plan is applied only while these are
 * unchanged ({@link #driftSince}): a plan is a pure function of them, so the same basis gives the
 * same plan.
 *
 * @param users a digest of each managed user's account, attributes and access, by username
 */
public record PlanBasis(LocalDate day, String policy, String feed, String keycloak, Map<String, String> users) {
  private static final int NAMES_SHOWN = 10;

  public PlanBasis {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(keycloak, "keycloak");
    users = java.util.Collections.unmodifiableMap(new TreeMap<>(users));
  }

  static PlanBasis of(LocalDate day, AccessPolicy policy, HrFeed feed, Collection<ManagedUser> managed) {
    Map<String, String> users = new TreeMap<>();
    for (ManagedUser user : managed) {
      users.put(user.username(), digest(user));
    }
    Canonical all = new Canonical();
    users.forEach((username, digest) -> all.add(username).add(digest));
    return new PlanBasis(day, digest(policy), digest(feed), all.digest(), users);
  }

  /**
   * What differs between this basis (a reviewed plan's) and {@code now}, one sentence each, in the
   * order day, policy, feed, Keycloak; empty when nothing does.
   */
  public List<String> driftSince(PlanBasis now) {
    List<String> drift = new ArrayList<>();
    if (!day.equals(now.day)) {
      drift.add("the day: the plan is for " + day + ", today is " + now.day);
    }
    if (!policy.equals(now.policy)) {
      drift.add("the access policy has changed");
    }
    if (!feed.equals(now.feed)) {
      drift.add("the HR feed has changed");
    }
    if (!keycloak.equals(now.keycloak)) {
      List<String> changed = new ArrayList<>();
      List<String> gone = new ArrayList<>();
      users.forEach((username, digest) -> {
        String current = now.users.get(username);
        if (current == null) {
          gone.add(username);
        } else if (!current.equals(digest)) {
          changed.add(username);
        }
      });
      List<String> added = now.users.keySet().stream().filter(name -> !users.containsKey(name)).toList();
      List<String> parts = new ArrayList<>();
      if (!changed.isEmpty()) {
        parts.add(names(changed) + " changed");
      }
      if (!added.isEmpty()) {
        parts.add(names(added) + " added");
      }
      if (!gone.isEmpty()) {
        parts.add(names(gone) + " gone");
      }
      drift.add("Keycloak: " + String.join("; ", parts));
    }
    return drift;
  }

  private static String names(List<String> usernames) {
    String shown = String.join(", ", usernames.subList(0, Math.min(NAMES_SHOWN, usernames.size())));
    return usernames.size() > NAMES_SHOWN ? shown + " and " + (usernames.size() - NAMES_SHOWN) + " more" : shown;
  }

  private static String digest(ManagedUser user) {
    Canonical text = new Canonical().add(user.id()).add(user.username()).add(String.valueOf(user.enabled()))
        .add(user.firstName()).add(user.lastName()).add(user.email());
    new TreeMap<>(user.attributes()).forEach((name, values) -> text.add(name).addAll(values));
    return text.addAll(user.grants().keys()).digest();
  }

  private static String digest(HrFeed feed) {
    Canonical text = new Canonical();
    feed.records().stream().sorted(Comparator.comparing(StaffRecord::employeeNumber)).forEach(record -> {
      text.add(record.employeeNumber()).add(String.valueOf(record.active()));
      record.attributes().forEach((name, value) -> text.add(name).add(value));
    });
    return text.add("held").addAll(feed.heldEmployeeNumbers().stream().sorted().toList()).digest();
  }

  private static String digest(AccessPolicy policy) {
    Canonical text = new Canonical().add(policy.managedBy()).add(policy.usernameTemplate()).add(policy.emailTemplate())
        .addAll(policy.attributes()).addAll(policy.requiredActions()).add(String.valueOf(policy.sendActionsEmail()))
        .add(policy.preHires().name()).add(String.valueOf(policy.leaversLoseAccess()))
        .add(String.valueOf(policy.deleteLeaversAfter().orElse(null)))
        .add(policy.leaverThreshold().toString()).add(policy.deletionThreshold().toString())
        .add(policy.removalThreshold().toString());
    for (AccessRule rule : policy.rules()) {
      text.add(rule.name()).add(rule.when().toString()).addAll(rule.grants().keys());
    }
    for (Approver approver : policy.approvers()) {
      text.add(approver.name()).add(approver.keyId());
    }
    return text.digest();
  }

  /** Text fed to SHA-256 with every part length-prefixed, so that no two inputs run together. */
  private static final class Canonical {
    private final StringBuilder text = new StringBuilder();

    Canonical add(String part) {
      text.append(part.length()).append(':').append(part);
      return this;
    }

    Canonical addAll(Collection<String> parts) {
      text.append('[').append(parts.size()).append(']');
      parts.forEach(this::add);
      return this;
    }

    String digest() {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException impossible) {
        throw new IllegalStateException("Every JVM has SHA-256", impossible);
      }
    }
  }
}
