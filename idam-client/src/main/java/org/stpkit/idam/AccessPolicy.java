package org.stpkit.idam;

import java.text.Normalizer;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What Keycloak should hold for the people in the HR feed: birthright {@link AccessRule}s, how
 * usernames and emails are made, what joiners must do first, when pre-hires and leavers are
 * enabled, disabled and deleted, and the {@link Threshold}s that stop a run from changing too much
 * at once. Usually written in YAML and read with {@link #load(java.nio.file.Path)}; immutable.
 * (Over 350 lines because the policy's value, its builder's checks and its name templates belong together.)
 */
public final class AccessPolicy {
  /** The Keycloak required actions a policy may ask joiners for. */
  public static final Set<String> REQUIRED_ACTIONS =
      Set.of("UPDATE_PASSWORD", "CONFIGURE_TOTP", "VERIFY_EMAIL", "UPDATE_PROFILE", "webauthn-register");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
  /** Letters NFD does not split into a base letter and an accent, so dropping accents would lose them. */
  private static final Map<String, String> UNSPLIT_LETTERS = Map.of(
      "ø", "o", "ł", "l", "đ", "d", "ħ", "h", "ı", "i", "ß", "ss", "æ", "ae", "œ", "oe", "ð", "d", "þ", "th");

  /** How joiners who have not started yet are treated. */
  public enum PreHires {
    /** Created now, disabled, and enabled on their start date (so day one works). */
    CREATE_DISABLED,
    /** Not created until their start date. */
    WAIT_UNTIL_START
  }

  private final String managedBy;
  private final String usernameTemplate;
  private final String emailTemplate;
  private final List<String> attributes;
  private final List<String> requiredActions;
  private final boolean sendActionsEmail;
  private final PreHires preHires;
  private final boolean leaversLoseAccess;
  private final @Nullable Period deleteLeaversAfter;
  private final Threshold leaverThreshold;
  private final Threshold deletionThreshold;
  private final Threshold removalThreshold;
  private final List<AccessRule> rules;
  private final List<Approver> approvers;

  private AccessPolicy(Builder b) {
    this.managedBy = b.managedBy;
    this.usernameTemplate = b.usernameTemplate;
    this.emailTemplate = b.emailTemplate;
    this.attributes = List.copyOf(b.attributes);
    this.requiredActions = List.copyOf(b.requiredActions);
    this.sendActionsEmail = b.sendActionsEmail;
    this.preHires = b.preHires;
    this.leaversLoseAccess = b.leaversLoseAccess;
    this.deleteLeaversAfter = b.deleteLeaversAfter;
    this.leaverThreshold = b.leaverThreshold;
    this.deletionThreshold = b.deletionThreshold;
    this.removalThreshold = b.removalThreshold;
    this.rules = List.copyOf(b.rules);
    this.approvers = List.copyOf(b.approvers);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a policy from a YAML file.
   *
   * @throws InvalidPolicyException listing every problem with its line and field
   */
  public static AccessPolicy load(java.nio.file.Path file) {
    return org.stpkit.idam.internal.PolicyLoader.load(file);
  }

  /** Reads a policy from YAML text; {@code source} names it in problems. */
  public static AccessPolicy parse(String yaml, String source) {
    return org.stpkit.idam.internal.PolicyLoader.parse(yaml, source);
  }

  /** The value of the {@value ManagedUsers#MANAGED_BY} attribute on the users this policy manages. */
  public String managedBy() {
    return managedBy;
  }

  public String usernameTemplate() {
    return usernameTemplate;
  }

  public String emailTemplate() {
    return emailTemplate;
  }

  /** The HR attributes copied onto Keycloak users (always including {@code employeeNumber}). */
  public List<String> attributes() {
    return attributes;
  }

  public List<String> requiredActions() {
    return requiredActions;
  }

  public boolean sendActionsEmail() {
    return sendActionsEmail;
  }

  public PreHires preHires() {
    return preHires;
  }

  /** Whether leavers lose the groups and roles the policy gave them when they are disabled. */
  public boolean leaversLoseAccess() {
    return leaversLoseAccess;
  }

  /** How long a leaver's disabled account is kept before it is deleted; empty: never deleted. */
  public Optional<Period> deleteLeaversAfter() {
    return Optional.ofNullable(deleteLeaversAfter);
  }

  public Threshold leaverThreshold() {
    return leaverThreshold;
  }

  public Threshold deletionThreshold() {
    return deletionThreshold;
  }

  /** The most group and role removals (movers' and leavers') in one run. */
  public Threshold removalThreshold() {
    return removalThreshold;
  }

  public List<AccessRule> rules() {
    return rules;
  }

  /** Who may approve a plan over the thresholds, by public key; empty: only break-glass mass change. */
  public List<Approver> approvers() {
    return approvers;
  }

  /** The access the rules give this person: the union over every rule that applies. */
  public Grants grantsFor(StaffRecord record) {
    Grants grants = Grants.NONE;
    for (AccessRule rule : rules) {
      if (rule.appliesTo(record)) {
        grants = grants.plus(rule.grants());
      }
    }
    return grants;
  }

  /** Every group and role any rule can give. */
  public Grants everyGrant() {
    Grants grants = Grants.NONE;
    for (AccessRule rule : rules) {
      grants = grants.plus(rule.grants());
    }
    return grants;
  }

  /**
   * The username for a joiner: the template filled from the record, then made safe for Keycloak
   * (lower case, accents dropped, spaces to dots, only letters, digits, {@code . _ - @} kept).
   * Empty when the template names an attribute the record does not have.
   */
  public Optional<String> usernameFor(StaffRecord record) {
    return fill(usernameTemplate, record).map(AccessPolicy::safeUsername).filter(u -> !u.isEmpty());
  }

  /**
   * The email for a person, from the template: lower case; in a derived address (a template that
   * is more than {@code {email}}) names are cleaned as usernames are. Empty when an attribute is missing,
   * or when a derived address would have nothing before its {@code @}.
   */
  public Optional<String> emailFor(StaffRecord record) {
    if (emailTemplate.equals("{email}")) {
      return record.email().map(e -> e.strip().toLowerCase(Locale.ROOT));
    }
    // A name that cleans to nothing must not leave "@example.gov.uk" or "jo.@example.gov.uk".
    return fill(emailTemplate, record).map(AccessPolicy::safeUsername)
        .map(e -> e.replaceAll("\\.+@", "@"))
        .filter(e -> e.matches("[^@]+@[^@]+"));
  }

  private static Optional<String> fill(String template, StaffRecord record) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Optional<String> value = record.attribute(matcher.group(1));
      if (value.isEmpty()) {
        return Optional.empty();
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value.get()));
    }
    matcher.appendTail(out);
    return Optional.of(out.toString());
  }

  static String safeUsername(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> letter : UNSPLIT_LETTERS.entrySet()) {
      lower = lower.replace(letter.getKey(), letter.getValue());
    }
    String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.strip().toLowerCase(Locale.ROOT)
        .replaceAll("[\\s]+", ".")
        .replaceAll("[^a-z0-9._@-]", "")
        .replaceAll("\\.{2,}", ".")
        .replaceAll("^\\.|\\.$", "");
  }

  /** Checks a template names only known HR attributes; returns the unknown names. */
  public static List<String> unknownPlaceholders(String template) {
    List<String> unknown = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      if (!StaffRecord.ATTRIBUTES.contains(matcher.group(1))) {
        unknown.add(matcher.group(1));
      }
    }
    return unknown;
  }

  public static final class Builder {
    private String managedBy = "stp-idam";
    private String usernameTemplate = "{userName}";
    private String emailTemplate = "{email}";
    private List<String> attributes = List.of("employeeNumber", "department", "costCenter", "organization",
        "division", "title", "jobCode", "location", "manager", "startDate", "endDate");
    private List<String> requiredActions = List.of();
    private boolean sendActionsEmail;
    private PreHires preHires = PreHires.CREATE_DISABLED;
    private boolean leaversLoseAccess = true;
    private @Nullable Period deleteLeaversAfter;
    private Threshold leaverThreshold = Threshold.NONE;
    private Threshold deletionThreshold = Threshold.NONE;
    private Threshold removalThreshold = Threshold.NONE;
    private final List<AccessRule> rules = new ArrayList<>();
    private final List<Approver> approvers = new ArrayList<>();

    private Builder() {
    }

    public Builder managedBy(String value) {
      if (!value.matches("[A-Za-z0-9._-]{1,64}")) {
        throw new IllegalArgumentException("managedBy must be 1 to 64 letters, digits, '.', '_' or '-': " + value);
      }
      this.managedBy = value;
      return this;
    }

    public Builder usernameTemplate(String template) {
      requireKnownPlaceholders("username", template);
      this.usernameTemplate = template;
      return this;
    }

    public Builder emailTemplate(String template) {
      requireKnownPlaceholders("email", template);
      this.emailTemplate = template;
      return this;
    }

    /** The HR attributes copied onto users; {@code employeeNumber} is always added. */
    public Builder attributes(List<String> names) {
      List<String> copy = new ArrayList<>();
      copy.add("employeeNumber");
      for (String name : names) {
        if (!StaffRecord.ATTRIBUTES.contains(name)) {
          throw new IllegalArgumentException("Unknown HR attribute '" + name + "'");
        }
        if (!copy.contains(name) && !Set.of("userName", "givenName", "familyName", "email").contains(name)) {
          copy.add(name);
        }
      }
      this.attributes = copy;
      return this;
    }

    public Builder requiredActions(List<String> actions) {
      for (String action : actions) {
        if (!REQUIRED_ACTIONS.contains(action)) {
          throw new IllegalArgumentException("Unknown required action '" + action + "'; known: " + REQUIRED_ACTIONS);
        }
      }
      this.requiredActions = List.copyOf(actions);
      return this;
    }

    public Builder sendActionsEmail(boolean send) {
      this.sendActionsEmail = send;
      return this;
    }

    public Builder preHires(PreHires value) {
      this.preHires = value;
      return this;
    }

    public Builder leaversLoseAccess(boolean value) {
      this.leaversLoseAccess = value;
      return this;
    }

    /** Delete leavers this long after they were disabled; not calling it means never delete. */
    public Builder deleteLeaversAfter(Period retention) {
      if (retention.isNegative()) {
        throw new IllegalArgumentException("deleteLeaversAfter must not be negative");
      }
      this.deleteLeaversAfter = retention;
      return this;
    }

    public Builder leaverThreshold(Threshold value) {
      this.leaverThreshold = value;
      return this;
    }

    public Builder deletionThreshold(Threshold value) {
      this.deletionThreshold = value;
      return this;
    }

    public Builder removalThreshold(Threshold value) {
      this.removalThreshold = value;
      return this;
    }

    public Builder rule(AccessRule rule) {
      if (rules.stream().anyMatch(r -> r.name().equals(rule.name()))) {
        throw new IllegalArgumentException("Two access rules are named '" + rule.name() + "'");
      }
      rules.add(rule);
      return this;
    }

    public Builder approver(Approver approver) {
      if (approvers.stream().anyMatch(a -> a.keyId().equals(approver.keyId()))) {
        throw new IllegalArgumentException("The key of approver '" + approver.name() + "' is given twice");
      }
      approvers.add(approver);
      return this;
    }

    public AccessPolicy build() {
      return new AccessPolicy(this);
    }

    private static void requireKnownPlaceholders(String field, String template) {
      List<String> unknown = unknownPlaceholders(template);
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException(field + " template names unknown HR attributes " + unknown);
      }
      if (!PLACEHOLDER.matcher(template).find()) {
        throw new IllegalArgumentException(field + " template names no HR attribute: " + template);
      }
    }
  }
}
