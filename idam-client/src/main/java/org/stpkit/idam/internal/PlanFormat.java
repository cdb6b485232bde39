package org.stpkit.idam.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.stpkit.idam.Change;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.PlanBasis;
import org.stpkit.idam.Notice;
import org.stpkit.idam.Plan;
import org.stpkit.idam.ThresholdBreach;
import org.stpkit.idam.UserFields;
import org.stpkit.idam.UserPlan;

/** A {@link Plan} as a table for people and as JSON for programs. */
public final class PlanFormat {
  /** What a plan file says it is, so that another JSON file is not taken for one. */
  static final String FORMAT = "stp-idam-plan/1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper COMPACT = new ObjectMapper();

  private PlanFormat() {
  }

  /** An enum constant as written in tables, JSON and the audit log: {@code PRE_HIRE} as {@code pre-hire}. */
  static String label(Enum<?> constant) {
    return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public static String table(Plan plan) {
    StringBuilder out = new StringBuilder();
    if (plan.isEmpty()) {
      out.append("No changes: Keycloak already holds what the feed and policy say (").append(plan.day()).append(").\n");
    } else {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"EMPLOYEE", "USERNAME", "KIND", "CHANGE"});
      for (UserPlan user : plan.users()) {
        boolean first = true;
        for (Change change : user.changes()) {
          rows.add(new String[] {first ? user.employeeNumber() : "", first ? user.username() : "",
              first ? label(user.kind()) : "", change.describe()});
          first = false;
        }
      }
      int[] widths = new int[3];
      for (String[] row : rows) {
        for (int i = 0; i < 3; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      for (String[] row : rows) {
        for (int i = 0; i < 3; i++) {
          out.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
        }
        out.append(row[3]).append('\n');
      }
      out.append('\n');
      StringBuilder counts = new StringBuilder();
      plan.counts().forEach((kind, count) -> counts.append(counts.length() == 0 ? "" : ", ")
          .append(count).append(' ').append(label(kind)));
      out.append("Plan for ").append(plan.day()).append(": ").append(plan.users().size()).append(" people, ")
          .append(plan.changeCount()).append(" changes (").append(counts).append(").\n");
    }
    if (!plan.notices().isEmpty()) {
      out.append("\nNot changed, for you to look at:\n");
      for (Notice notice : plan.notices()) {
        out.append("  ").append(notice).append('\n');
      }
    }
    if (!plan.breaches().isEmpty()) {
      out.append("\nOver the policy's thresholds (apply refuses without --allow-mass-change):\n");
      for (ThresholdBreach breach : plan.breaches()) {
        out.append("  ").append(breach).append('\n');
      }
    }
    return out.toString();
  }

  /** The plan as JSON: its format, its digest, what it says, and a place for approvals. */
  public static String json(Plan plan) {
    ObjectNode content = content(plan);
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("digest", digest(content));
    root.setAll(content);
    root.putArray("approvals");
    return write(root);
  }

  /** The SHA-256 of the plan's content, as {@link #json} writes it. */
  public static String digest(Plan plan) {
    return digest(content(plan));
  }

  /** The SHA-256 of compact JSON: the same content, read back from a file, gives the same digest. */
  static String digest(ObjectNode content) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(COMPACT.writeValueAsBytes(content)));
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  static String write(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static ObjectNode content(Plan plan) {
    ObjectNode root = JSON.createObjectNode();
    root.put("day", plan.day().toString());
    ObjectNode counts = root.putObject("counts");
    plan.counts().forEach((kind, count) -> counts.put(label(kind), count));
    ArrayNode people = root.putArray("users");
    for (UserPlan user : plan.users()) {
      ObjectNode node = people.addObject();
      node.put("employeeNumber", user.employeeNumber());
      node.put("username", user.username());
      user.userId().ifPresent(id -> node.put("userId", id));
      node.put("kind", label(user.kind()));
      ArrayNode changes = node.putArray("changes");
      for (Change change : user.changes()) {
        changes.add(change(change));
      }
    }
    ArrayNode notices = root.putArray("notices");
    for (Notice notice : plan.notices()) {
      ObjectNode node = notices.addObject();
      node.put("kind", label(notice.kind()));
      node.put("employeeNumber", notice.employeeNumber());
      node.put("username", notice.username());
      node.put("message", notice.message());
    }
    ArrayNode breaches = root.putArray("breaches");
    for (ThresholdBreach breach : plan.breaches()) {
      ObjectNode node = breaches.addObject();
      node.put("kind", breach.kind());
      node.put("planned", breach.planned());
      node.put("population", breach.population());
      node.put("limitCount", breach.threshold().count());
      node.put("limitPercent", breach.threshold().percent());
      node.put("message", breach.toString());
    }
    ObjectNode basis = root.putObject("basis");
    basis.put("day", plan.basis().day().toString());
    basis.put("policy", plan.basis().policy());
    basis.put("feed", plan.basis().feed());
    basis.put("keycloak", plan.basis().keycloak());
    ObjectNode users = basis.putObject("users");
    plan.basis().users().forEach(users::put);
    return root;
  }

  /** One change as JSON; also the {@code change} of an audit line. */
  static ObjectNode change(Change change) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", change.type());
    node.put("description", change.describe());
    if (change instanceof Change.CreateUser create) {
      node.put("username", create.username());
      node.put("enabled", create.enabled());
      node.set("after", fields(new UserFields(create.firstName(), create.lastName(), create.email(), create.attributes())));
      node.set("requiredActions", JSON.valueToTree(create.requiredActions()));
      node.set("groups", JSON.valueToTree(create.groups()));
    } else if (change instanceof Change.UpdateUser update) {
      node.set("before", fields(update.before()));
      node.set("after", fields(update.after()));
    } else if (change instanceof Change.AddGrant add) {
      node.put("grant", add.grant().key());
    } else if (change instanceof Change.RemoveGrant remove) {
      node.put("grant", remove.grant().key());
    } else if (change instanceof Change.SendActionsEmail email) {
      node.set("actions", JSON.valueToTree(email.actions()));
    }
    return node;
  }

  private static ObjectNode fields(UserFields fields) {
    ObjectNode node = JSON.createObjectNode();
    node.put("firstName", fields.firstName());
    node.put("lastName", fields.lastName());
    node.put("email", fields.email());
    ObjectNode attributes = node.putObject("attributes");
    for (Map.Entry<String, List<String>> entry : new java.util.TreeMap<>(fields.attributes()).entrySet()) {
      attributes.set(entry.getKey(), JSON.valueToTree(entry.getValue()));
    }
    return node;
  }

  /** A plan file as read back: what apply and approve need of it, and its text. */
  public record Reviewed(String digest, PlanBasis basis, List<String> breaches, List<String> approvals, String json) {
    public Reviewed {
      breaches = List.copyOf(breaches);
      approvals = List.copyOf(approvals);
    }

    /** The same plan with these approvals, as JSON. */
    public Reviewed withApprovals(List<String> jws) {
      try {
        ObjectNode root = (ObjectNode) JSON.readTree(json);
        ArrayNode list = root.putArray("approvals");
        jws.forEach(list::add);
        return new Reviewed(digest, basis, breaches, jws, write(root));
      } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }

  /**
   * Reads a plan file's JSON, checking that it is one and that its content still matches its digest.
   *
   * @throws IdamException naming {@code source} and what is wrong
   */
  public static Reviewed readReviewed(String json, String source) {
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IdamException(source + " is not JSON: " + e.getOriginalMessage());
    }
    if (!(tree instanceof ObjectNode root) || !FORMAT.equals(root.path("format").asText())) {
      throw new IdamException(source + " is not a plan written by stp idam plan --out (no \"format\": \""
          + FORMAT + "\")");
    }
    ObjectNode content = root.deepCopy();
    content.remove(List.of("format", "digest", "approvals"));
    String digest = root.path("digest").asText();
    if (!digest.equals(digest(content))) {
      throw new IdamException(source + " was changed after it was made: what it says no longer matches its digest."
          + " Make the plan again with stp idam plan --out");
    }
    try {
      JsonNode basis = root.path("basis");
      java.util.Map<String, String> users = new java.util.TreeMap<>();
      basis.path("users").fields().forEachRemaining(entry -> users.put(entry.getKey(), entry.getValue().asText()));
      PlanBasis read = new PlanBasis(java.time.LocalDate.parse(basis.path("day").asText()),
          basis.path("policy").asText(), basis.path("feed").asText(), basis.path("keycloak").asText(), users);
      List<String> breaches = new ArrayList<>();
      root.path("breaches").forEach(breach -> breaches.add(breach.path("message").asText()));
      List<String> approvals = new ArrayList<>();
      root.path("approvals").forEach(approval -> approvals.add(approval.asText()));
      return new Reviewed(digest, read, breaches, approvals, write(root));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IdamException(source + " has no readable basis: " + e.getMessage());
    }
  }
}
