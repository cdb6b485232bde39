package org.stpkit.idam.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.stpkit.definition.LocatedDocument;
import org.stpkit.definition.LocatedNode;
import org.stpkit.definition.LocatedNode.Kind;
import org.stpkit.definition.Problem;
import org.stpkit.idam.AccessPolicy;
import org.stpkit.idam.AccessRule;
import org.stpkit.idam.Approver;
import org.stpkit.idam.AttributeMatch;
import org.stpkit.idam.AttributeMatch.Operator;
import org.stpkit.idam.Grant;
import org.stpkit.idam.Grants;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.InvalidPolicyException;
import org.stpkit.idam.StaffRecord;
import org.stpkit.idam.Threshold;

/**
 * Reads an {@link AccessPolicy} from YAML (long because it is the one reader of one grammar, every key
 * with its own checks and messages). Everything is checked and every problem is reported at
 * once, each with its file, line, column and field ({@link InvalidPolicyException}), because a
 * policy is usually fixed in a review-and-rerun loop where one problem per run is slow.
 *
 * <p>The format, with every key (only {@code rules} is required):
 *
 * <pre>{@code
 * managedBy: stp-idam                  # optional, default stp-idam
 * username: "{givenName}.{familyName}" # optional, default "{userName}"
 * email: "{email}"                     # optional, default "{email}"
 * attributes: [department, costCenter, title, jobCode, location, manager, startDate, endDate]
 *                                      # optional; default: AccessPolicy.builder()'s list
 * joiners:
 *   requiredActions: [UPDATE_PASSWORD, CONFIGURE_TOTP]  # optional, default []
 *   sendActionsEmail: false                             # optional, default false
 *   preHires: create-disabled          # create-disabled | wait-until-start; default create-disabled
 * leavers:
 *   removeAccess: true                 # optional, default true
 *   deleteAfter: P90D                  # an ISO-8601 period, or never; default never
 * thresholds:                          # each optional; default no limit
 *   leavers: {count: 25, percent: 5}
 *   deletions: {count: 10, percent: 2}
 *   removals: {count: 100, percent: 10}
 * approvers:                           # optional: who may approve a plan over the thresholds
 *   - name: Sam Jones                  # required
 *     key: {kty: EC, crv: P-256, x: ..., y: ...}   # required: the public JWK (stp idam approver-key)
 * rules:                               # required; may be []
 *   - name: Visas caseworkers          # required, unique
 *     when:                            # optional; every test must pass; absent: everyone
 *       department: Visas                         # text: equals
 *       title: {startsWith: Caseworker}           # or {startsWith: [A, B]}
 *       jobCode: {oneOf: [CW1, CW2]}              # equals any of
 *       location: {matches: "Croydon|Sheffield"}  # a regular expression, whole value
 *       manager: {present: true}                  # true: has a value; false: has none
 *     groups: [/caseworking/visas]     # group paths, starting with '/'
 *     realmRoles: [caseworker]
 *     clientRoles: {case-service: [decide]}
 * }</pre>
 *
 * <p>Templates name HR attributes ({@link StaffRecord#ATTRIBUTES}) in braces. Comparisons in
 * {@code when} ignore case and surrounding spaces ({@link AttributeMatch}). A threshold may give
 * just a count or just a percent; the other is then unlimited. A rule must grant something. Unknown
 * keys are problems, so that a misspelt key is never silently ignored. YAML 1.1 reads {@code yes},
 * {@code no}, {@code on} and {@code off} as booleans: quote them when they are text.
 */
public final class PolicyLoader {
  private static final List<String> TOP_KEYS =
      List.of("managedBy", "username", "email", "attributes", "joiners", "leavers", "thresholds", "approvers", "rules");
  private static final List<String> APPROVER_KEYS = List.of("name", "key");
  private static final List<String> JOINER_KEYS = List.of("requiredActions", "sendActionsEmail", "preHires");
  private static final List<String> LEAVER_KEYS = List.of("removeAccess", "deleteAfter");
  private static final List<String> THRESHOLD_KEYS = List.of("leavers", "deletions", "removals");
  private static final List<String> LIMIT_KEYS = List.of("count", "percent");
  private static final List<String> RULE_KEYS = List.of("name", "when", "groups", "realmRoles", "clientRoles");
  private static final List<String> GRANT_KEYS = List.of("groups", "realmRoles", "clientRoles");
  private static final List<String> TEST_KEYS = List.of("startsWith", "oneOf", "matches", "present");
  /** As {@link AccessPolicy} fills templates: an HR attribute name in braces. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z]+}");

  private final String source;
  private final List<Problem> problems = new ArrayList<>();
  // Values go into the builder as they are read; it is only built when there are no problems, so
  // a value that is wrong elsewhere in the file does no harm.
  private final AccessPolicy.Builder builder = AccessPolicy.builder();

  private PolicyLoader(String source) {
    this.source = source;
  }

  /**
   * Reads a policy file (UTF-8).
   *
   * @throws InvalidPolicyException listing every problem in it
   * @throws IdamException when the file cannot be read
   */
  public static AccessPolicy load(Path file) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IdamException("There is no access policy file at " + file, e);
    } catch (MalformedInputException e) {
      throw new IdamException("The access policy file " + file + " is not UTF-8 text", e);
    } catch (IOException e) {
      throw new IdamException("Cannot read the access policy file " + file + ": " + e, e);
    }
    return parse(text, file.toString());
  }

  /**
   * Reads a policy from YAML text; {@code source} names it in problems.
   *
   * @throws InvalidPolicyException listing every problem in it
   */
  public static AccessPolicy parse(String yaml, String source) {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(source, "source");
    LocatedDocument document = LocatedDocument.parse(yaml, source);
    if (document.root().isEmpty()) {
      throw new InvalidPolicyException(document.problems());
    }
    PolicyLoader loader = new PolicyLoader(source);
    loader.problems.addAll(document.problems());
    loader.readPolicy(document.root().get());
    if (!loader.problems.isEmpty()) {
      List<Problem> inFileOrder = new ArrayList<>(new LinkedHashSet<>(loader.problems));
      inFileOrder.sort(Problem.IN_FILE_ORDER);
      throw new InvalidPolicyException(inFileOrder);
    }
    return loader.builder.build();
  }

  private void readPolicy(LocatedNode root) {
    if (root.kind() == Kind.NOTHING) {
      problem(root, "the file has no policy in it; it needs at least 'rules:'");
      return;
    }
    if (root.kind() != Kind.MAPPING) {
      problem(root, "expected a mapping of policy keys (" + String.join(", ", TOP_KEYS)
          + ") at the top of the file, found " + root.describe());
      return;
    }
    checkKeys(root, TOP_KEYS);
    root.get("managedBy").ifPresent(node -> text(node).ifPresent(value -> apply(node, () -> builder.managedBy(value))));
    root.get("username").ifPresent(node -> template(node, builder::usernameTemplate));
    root.get("email").ifPresent(node -> template(node, builder::emailTemplate));
    root.get("attributes").ifPresent(this::readAttributes);
    root.get("joiners").flatMap(this::mapping).ifPresent(this::readJoiners);
    root.get("leavers").flatMap(this::mapping).ifPresent(this::readLeavers);
    root.get("thresholds").flatMap(this::mapping).ifPresent(this::readThresholds);
    root.get("approvers").flatMap(this::list).ifPresent(this::readApprovers);
    required(root, "rules").flatMap(this::list).ifPresent(this::readRules);
  }

  private void template(LocatedNode node, Consumer<String> setter) {
    text(node).ifPresent(template -> {
      List<String> unknown = AccessPolicy.unknownPlaceholders(template);
      if (!unknown.isEmpty()) {
        problem(node, "unknown HR attribute" + (unknown.size() == 1 ? " " : "s ") + "{" + String.join("}, {", unknown)
            + "} in the template; known: " + String.join(", ", StaffRecord.ATTRIBUTES));
        return;
      }
      // A brace that is not part of a placeholder would be dropped from usernames without a word.
      String rest = PLACEHOLDER.matcher(template).replaceAll("");
      if (rest.contains("{") || rest.contains("}")) {
        problem(node, "braces only go round an HR attribute name, such as {givenName}: " + template);
        return;
      }
      apply(node, () -> setter.accept(template));
    });
  }

  private void readAttributes(LocatedNode node) {
    textItems(node).ifPresent(items -> {
      boolean known = true;
      for (LocatedNode item : items) {
        if (!StaffRecord.ATTRIBUTES.contains(item.text())) {
          problem(item, "unknown HR attribute '" + item.text() + "'; expected one of "
              + String.join(", ", StaffRecord.ATTRIBUTES));
          known = false;
        }
      }
      if (known) {
        apply(node, () -> builder.attributes(texts(items)));
      }
    });
  }

  private void readJoiners(LocatedNode joiners) {
    checkKeys(joiners, JOINER_KEYS);
    joiners.get("requiredActions").ifPresent(node -> textItems(node).ifPresent(items -> {
      boolean known = true;
      for (LocatedNode item : items) {
        if (!AccessPolicy.REQUIRED_ACTIONS.contains(item.text())) {
          problem(item, "unknown required action '" + item.text() + "'; expected one of "
              + String.join(", ", new TreeSet<>(AccessPolicy.REQUIRED_ACTIONS)));
          known = false;
        }
      }
      if (known) {
        apply(node, () -> builder.requiredActions(texts(items)));
      }
    }));
    joiners.get("sendActionsEmail").flatMap(this::bool).ifPresent(builder::sendActionsEmail);
    joiners.get("preHires").ifPresent(node -> text(node).ifPresent(value -> {
      switch (value) {
        case "create-disabled" -> builder.preHires(AccessPolicy.PreHires.CREATE_DISABLED);
        case "wait-until-start" -> builder.preHires(AccessPolicy.PreHires.WAIT_UNTIL_START);
        default -> problem(node, "expected create-disabled or wait-until-start, found " + node.describe());
      }
    }));
  }

  private void readLeavers(LocatedNode leavers) {
    checkKeys(leavers, LEAVER_KEYS);
    leavers.get("removeAccess").flatMap(this::bool).ifPresent(builder::leaversLoseAccess);
    leavers.get("deleteAfter").ifPresent(node -> text(node).ifPresent(value -> {
      if (value.equals("never")) {
        return;
      }
      try {
        Period retention = Period.parse(value);
        apply(node, () -> builder.deleteLeaversAfter(retention));
      } catch (DateTimeParseException e) {
        problem(node, "expected an ISO-8601 period such as P90D, P6M or P1Y, or never; found " + node.describe());
      }
    }));
  }

  private void readThresholds(LocatedNode thresholds) {
    checkKeys(thresholds, THRESHOLD_KEYS);
    thresholds.get("leavers").flatMap(this::threshold).ifPresent(builder::leaverThreshold);
    thresholds.get("deletions").flatMap(this::threshold).ifPresent(builder::deletionThreshold);
    thresholds.get("removals").flatMap(this::threshold).ifPresent(builder::removalThreshold);
  }

  /** A count, a percent or both; the one not given does not limit. */
  private Optional<Threshold> threshold(LocatedNode node) {
    if (mapping(node).isEmpty()) {
      return Optional.empty();
    }
    boolean allKnown = checkKeys(node, LIMIT_KEYS);
    if (!node.has("count") && !node.has("percent")) {
      if (allKnown) {
        problem(node, "give a count, a percent or both");
      }
      return Optional.empty();
    }
    Optional<Integer> count = node.get("count").isPresent()
        ? node.get("count").flatMap(this::count) : Optional.of(Threshold.NONE.count());
    Optional<Double> percent = node.get("percent").isPresent()
        ? node.get("percent").flatMap(this::percent) : Optional.of(Threshold.NONE.percent());
    if (count.isEmpty() || percent.isEmpty()) {
      return Optional.empty();
    }
    return attempt(node, () -> new Threshold(count.get(), percent.get()));
  }

  private Optional<Integer> count(LocatedNode node) {
    Optional<BigInteger> whole = node.number().flatMap(PolicyLoader::exactInteger);
    if (whole.isEmpty() || whole.get().signum() < 0
        || whole.get().compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      problem(node, "expected a whole number from 0 to " + Integer.MAX_VALUE + ", found " + node.describe());
      return Optional.empty();
    }
    return Optional.of(whole.get().intValue());
  }

  private Optional<Double> percent(LocatedNode node) {
    Optional<BigDecimal> value = node.number();
    if (value.isEmpty() || value.get().signum() < 0 || value.get().compareTo(BigDecimal.valueOf(100)) > 0) {
      problem(node, "expected a percentage from 0 to 100, found " + node.describe());
      return Optional.empty();
    }
    return Optional.of(value.get().doubleValue());
  }

  private static Optional<BigInteger> exactInteger(BigDecimal value) {
    try {
      return Optional.of(value.toBigIntegerExact());
    } catch (ArithmeticException fraction) {
      return Optional.empty();
    }
  }

  /** Each approver: a name and a public key as a JWK mapping. */
  private void readApprovers(LocatedNode approvers) {
    for (LocatedNode item : approvers.items()) {
      mapping(item).ifPresent(approver -> {
        checkKeys(approver, APPROVER_KEYS);
        Optional<String> name = required(approver, "name").flatMap(this::nonBlank);
        Optional<LocatedNode> key = required(approver, "key").flatMap(this::mapping);
        // The key is checked even without a name, so that one run shows both problems.
        Optional<Approver> made = key.flatMap(this::jwk).flatMap(publicKey ->
            attempt(key.get(), () -> new Approver(name.orElse("unnamed"), publicKey)));
        if (name.isPresent() && made.isPresent()) {
          apply(item, () -> builder.approver(made.get()));
        }
      });
    }
  }

  private Optional<com.nimbusds.jose.jwk.JWK> jwk(LocatedNode key) {
    try {
      return Optional.of(com.nimbusds.jose.jwk.JWK.parse(key.toJson().toString()));
    } catch (java.text.ParseException e) {
      problem(key, "not a JWK public key: " + e.getMessage());
      return Optional.empty();
    }
  }

  private void readRules(LocatedNode rules) {
    Map<String, LocatedNode> named = new HashMap<>();
    for (LocatedNode rule : rules.items()) {
      mapping(rule).ifPresent(mapping -> readRule(mapping, named));
    }
  }

  private void readRule(LocatedNode rule, Map<String, LocatedNode> named) {
    checkKeys(rule, RULE_KEYS);
    Optional<LocatedNode> nameNode = required(rule, "name");
    Optional<String> name = nameNode.flatMap(this::text);
    boolean usable = false;
    if (name.isPresent() && name.get().isBlank()) {
      problem(nameNode.get(), "a rule needs a name");
    } else if (name.isPresent()) {
      LocatedNode earlier = named.putIfAbsent(name.get(), rule);
      if (earlier != null) {
        problem(nameNode.get(), "the name '" + name.get() + "' is already used by " + earlier.path()
            + " at line " + earlier.line());
      } else {
        usable = true;
      }
    }

    List<AttributeMatch> when = new ArrayList<>();
    rule.get("when").flatMap(this::mapping).ifPresent(tests -> readWhen(tests, when));

    List<Grant> grants = new ArrayList<>();
    rule.get("groups").flatMap(this::textItems).ifPresent(items -> items.forEach(item ->
        attempt(item, () -> Grant.group(item.text())).ifPresent(grants::add)));
    rule.get("realmRoles").flatMap(this::textItems).ifPresent(items -> items.forEach(item ->
        attempt(item, () -> Grant.realmRole(item.text())).ifPresent(grants::add)));
    rule.get("clientRoles").flatMap(this::mapping).ifPresent(clients -> readClientRoles(clients, grants));
    int written = GRANT_KEYS.stream().map(rule::get).flatMap(Optional::stream)
        .mapToInt(PolicyLoader::written).sum();
    if (written == 0) {
      problem(rule, "the rule " + name.map(n -> "'" + n + "' ").orElse("")
          + "grants nothing; give it groups, realmRoles or clientRoles");
    }

    if (usable) {
      String ruleName = name.get();
      apply(nameNode.get(), () -> builder.rule(new AccessRule(ruleName, when, Grants.of(grants))));
    }
  }

  private void readWhen(LocatedNode tests, List<AttributeMatch> when) {
    for (Map.Entry<String, LocatedNode> entry : tests.entries().entrySet()) {
      String attribute = entry.getKey();
      if (!StaffRecord.ATTRIBUTES.contains(attribute)) {
        problem(tests.keyNode(attribute), "unknown key '" + attribute + "'; expected one of the HR attributes "
            + String.join(", ", StaffRecord.ATTRIBUTES));
        continue;
      }
      attributeMatch(attribute, entry.getValue()).ifPresent(when::add);
    }
  }

  /** Text (equals), or a mapping with exactly one of {@link #TEST_KEYS}. */
  private Optional<AttributeMatch> attributeMatch(String attribute, LocatedNode node) {
    if (node.kind() == Kind.TEXT || node.kind() == Kind.NUMBER) {
      return nonBlank(node).flatMap(value -> match(node, attribute, Operator.EQUALS, List.of(value)));
    }
    if (node.kind() != Kind.MAPPING) {
      String hint = node.kind() == Kind.LIST ? " (for any of several values, write {oneOf: [...]})"
          : node.kind() == Kind.BOOLEAN ? " (put it in quotes if you mean the text)" : "";
      problem(node, "expected text, or a mapping with one of " + String.join(", ", TEST_KEYS) + "; found "
          + node.describe() + hint);
      return Optional.empty();
    }
    boolean allKnown = checkKeys(node, TEST_KEYS);
    List<String> given = TEST_KEYS.stream().filter(node::has).toList();
    if (given.size() != 1) {
      if (given.size() > 1) {
        problem(node, "give exactly one of " + String.join(", ", TEST_KEYS) + ", not " + String.join(" and ", given));
      } else if (allKnown) {
        problem(node, "give one of " + String.join(", ", TEST_KEYS));
      }
      return Optional.empty();
    }
    String test = given.get(0);
    LocatedNode value = node.get(test).orElseThrow();
    return switch (test) {
      case "startsWith" -> values(value, true).flatMap(values -> match(value, attribute, Operator.STARTS_WITH, values));
      case "oneOf" -> values(value, false).flatMap(values -> match(value, attribute, Operator.EQUALS, values));
      case "matches" -> nonBlank(value).filter(pattern -> isPattern(value, pattern))
          .flatMap(pattern -> match(value, attribute, Operator.MATCHES, List.of(pattern)));
      case "present" -> bool(value).flatMap(present ->
          match(value, attribute, present ? Operator.PRESENT : Operator.ABSENT, List.of()));
      default -> throw new IllegalStateException("Unhandled test " + test);
    };
  }

  private Optional<AttributeMatch> match(LocatedNode at, String attribute, Operator operator, List<String> values) {
    return attempt(at, () -> new AttributeMatch(attribute, operator, values));
  }

  private boolean isPattern(LocatedNode node, String pattern) {
    try {
      Pattern.compile(pattern);
      return true;
    } catch (PatternSyntaxException e) {
      problem(node, "not a valid regular expression: " + e.getDescription() + " near character " + (e.getIndex() + 1));
      return false;
    }
  }

  /** One or more non-blank texts: a list, or (when {@code single} is allowed) one text. */
  private Optional<List<String>> values(LocatedNode node, boolean single) {
    if (single && (node.kind() == Kind.TEXT || node.kind() == Kind.NUMBER)) {
      return nonBlank(node).map(List::of);
    }
    if (node.kind() != Kind.LIST) {
      problem(node, "expected " + (single ? "text or " : "") + "a list of text, found " + node.describe());
      return Optional.empty();
    }
    if (node.items().isEmpty()) {
      problem(node, "give at least one value");
      return Optional.empty();
    }
    Optional<List<LocatedNode>> items = textItems(node);
    List<String> values = new ArrayList<>();
    boolean allGood = items.isPresent() && items.get().size() == node.items().size();
    for (LocatedNode item : items.orElse(List.of())) {
      Optional<String> value = nonBlank(item);
      value.ifPresent(values::add);
      allGood &= value.isPresent();
    }
    return allGood ? Optional.of(values) : Optional.empty();
  }

  private void readClientRoles(LocatedNode clients, List<Grant> grants) {
    for (Map.Entry<String, LocatedNode> entry : clients.entries().entrySet()) {
      String client = entry.getKey();
      if (client.isBlank()) {
        problem(clients.keyNode(client), "a client id cannot be blank");
        continue;
      }
      textItems(entry.getValue()).ifPresent(items -> items.forEach(item ->
          attempt(item, () -> Grant.clientRole(client, item.text())).ifPresent(grants::add)));
    }
  }

  /** How many grants a rule's groups, realmRoles or clientRoles value writes, right or wrong. */
  private static int written(LocatedNode node) {
    return switch (node.kind()) {
      case LIST -> node.items().size();
      case MAPPING -> node.entries().values().stream().mapToInt(PolicyLoader::written).sum();
      // A value of the wrong kind is a problem already: not also "grants nothing".
      default -> 1;
    };
  }

  // Reading values of an expected kind: each reports the problem and returns empty when the value
  // is of another kind, so callers read on and find the next problem.

  private Optional<LocatedNode> mapping(LocatedNode node) {
    return expect(node, Kind.MAPPING, "a mapping");
  }

  private Optional<LocatedNode> list(LocatedNode node) {
    return expect(node, Kind.LIST, "a list");
  }

  private Optional<LocatedNode> expect(LocatedNode node, Kind kind, String expected) {
    if (node.kind() != kind) {
      problem(node, "expected " + expected + ", found " + node.describe());
      return Optional.empty();
    }
    return Optional.of(node);
  }

  /** Text as written; a number is text too (an HR code such as 007 keeps its zeros). */
  private Optional<String> text(LocatedNode node) {
    if (node.kind() != Kind.TEXT && node.kind() != Kind.NUMBER) {
      String hint = node.kind() == Kind.BOOLEAN ? " (put it in quotes if you mean the text)" : "";
      problem(node, "expected text, found " + node.describe() + hint);
      return Optional.empty();
    }
    return Optional.of(node.text());
  }

  /** Text that is not blank: HR values are never blank, so a blank one would never match. */
  private Optional<String> nonBlank(LocatedNode node) {
    Optional<String> text = text(node);
    if (text.isPresent() && text.get().isBlank()) {
      problem(node, "a blank value is not allowed here (for no value at all, write {present: false})");
      return Optional.empty();
    }
    return text;
  }

  private Optional<Boolean> bool(LocatedNode node) {
    if (node.kind() != Kind.BOOLEAN) {
      problem(node, "expected true or false, found " + node.describe());
      return Optional.empty();
    }
    return Optional.of(node.isTrue());
  }

  /** A list's text items; items of other kinds are reported and left out. Empty when not a list. */
  private Optional<List<LocatedNode>> textItems(LocatedNode node) {
    if (node.kind() != Kind.LIST) {
      problem(node, "expected a list of text, found " + node.describe());
      return Optional.empty();
    }
    List<LocatedNode> texts = new ArrayList<>();
    for (LocatedNode item : node.items()) {
      text(item).ifPresent(text -> texts.add(item));
    }
    return Optional.of(texts);
  }

  private static List<String> texts(List<LocatedNode> nodes) {
    return nodes.stream().map(LocatedNode::text).toList();
  }

  private Optional<LocatedNode> required(LocatedNode mapping, String key) {
    Optional<LocatedNode> value = mapping.get(key);
    if (value.isEmpty()) {
      // Reported where the mapping starts, with the path the key would have.
      problems.add(new Problem(source, mapping.line(), mapping.column(),
          LocatedNode.childPath(mapping.path(), key), "missing required key '" + key + "'"));
    }
    return value;
  }

  /** Reports every key not in {@code known}; whether there were none. */
  private boolean checkKeys(LocatedNode mapping, List<String> known) {
    boolean allKnown = true;
    for (String key : mapping.entries().keySet()) {
      if (!known.contains(key)) {
        problem(mapping.keyNode(key), "unknown key '" + key + "'; expected one of " + String.join(", ", known));
        allKnown = false;
      }
    }
    return allKnown;
  }

  /** Runs a builder call, turning its refusal into a problem at the value it was given. */
  private void apply(LocatedNode at, Runnable call) {
    attempt(at, () -> {
      call.run();
      return Boolean.TRUE;
    });
  }

  /** Makes a value with a checking constructor, turning its refusal into a problem at {@code at}. */
  private <T> Optional<T> attempt(LocatedNode at, Supplier<T> make) {
    try {
      return Optional.of(make.get());
    } catch (IllegalArgumentException e) {
      problem(at, lowerFirst(Objects.requireNonNullElse(e.getMessage(), "not allowed here")));
      return Optional.empty();
    }
  }

  private void problem(LocatedNode at, String message) {
    problems.add(at.problem(message));
  }

  /** The model's messages are sentences; problem messages follow "path: ", so start in lower case. */
  private static String lowerFirst(String message) {
    // "A grant ..." and "Unknown ..." but not "MATCHES on ..."
    if (message.length() > 1 && Character.isUpperCase(message.charAt(0)) && !Character.isUpperCase(message.charAt(1))) {
      return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
    return message;
  }
}
