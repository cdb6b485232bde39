package org.stpkit.idam.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stpkit.idam.HrFeed;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.ManagedUser;
import org.stpkit.idam.StaffRecord;
import org.stpkit.idam.UserStatus;

/**
 * SCIM 2.0 users (RFC 7643) as idam-client reads and writes them: a pushed user read into a
 * {@link StaffRecord} exactly as a JSON feed's user is (the same checks, the same messages), a
 * managed Keycloak user written back, and a PATCH (RFC 7644 section 3.5.2) applied to a user. The
 * id of a user is its employee number, the key the tool correlates on.
 */
public final class ScimUsers {
  public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  public static final String HR = "urn:stpkit:params:scim:schemas:extension:hr:1.0:User";
  public static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  public static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  private static final List<String> ENTERPRISE_TEXTS = List.of("employeeNumber", "costCenter", "organization",
      "division", "department");
  private static final List<String> HR_TEXTS = List.of("jobCode", "location", "startDate", "endDate");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScimUsers() {}

  /** Bad input from a SCIM client: the RFC 7644 {@code scimType} and what is wrong. */
  public static final class BadRequest extends IdamException {
    private static final long serialVersionUID = 1L;
    private final String scimType;

    public BadRequest(String scimType, String detail) {
      super(detail);
      this.scimType = scimType;
    }

    public String scimType() {
      return scimType;
    }
  }

  /** The JSON body of a request, which must be an object. */
  public static ObjectNode body(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node instanceof ObjectNode object) {
        return object;
      }
      throw new BadRequest("invalidSyntax", "the body should be a JSON object");
    } catch (JsonProcessingException e) {
      throw new BadRequest("invalidSyntax", "the body is not JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * The staff record a pushed user describes, checked as a JSON feed's user is. The employee number
   * is the enterprise extension's, else the {@code externalId}; {@code id}, when given, must match.
   *
   * @throws BadRequest naming every problem
   */
  public static StaffRecord record(ObjectNode user, Optional<String> id) {
    ObjectNode copy = user.deepCopy();
    JsonNode enterprise = copy.path(ENTERPRISE);
    String given = enterprise.path("employeeNumber").asText("");
    if (given.isEmpty()) {
      given = copy.path("externalId").asText(id.orElse(""));
      if (!given.isEmpty()) {
        (enterprise instanceof ObjectNode object ? object : copy.putObject(ENTERPRISE)).put("employeeNumber", given);
      }
    }
    if (id.isPresent() && !id.get().equals(given)) {
      throw new BadRequest("mutability", "the user's employee number '" + given + "' is not its id '" + id.get()
          + "'; an employee number cannot change");
    }
    HrFeed.RowProblem[] problems;
    FeedReader.Rows rows;
    try {
      rows = FeedReader.readJson(new StringReader("[" + JSON.writeValueAsString(copy) + "]"), "the request");
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
    if (!rows.problems().isEmpty()) {
      problems = rows.problems().toArray(HrFeed.RowProblem[]::new);
      StringBuilder detail = new StringBuilder();
      for (HrFeed.RowProblem problem : problems) {
        detail.append(detail.length() == 0 ? "" : "; ").append(problem.problem().path()).append(": ")
            .append(problem.problem().message());
      }
      throw new BadRequest("invalidValue", detail.toString());
    }
    return rows.records().get(0);
  }

  /** A managed user as a SCIM user, at {@code location}. */
  public static ObjectNode user(ManagedUser user, String location) {
    ObjectNode node = JSON.createObjectNode();
    node.putArray("schemas").add(USER).add(ENTERPRISE).add(HR);
    String employeeNumber = user.employeeNumber().orElse("");
    node.put("id", employeeNumber);
    node.put("externalId", employeeNumber);
    node.put("userName", user.username());
    ObjectNode name = node.putObject("name");
    name.put("givenName", user.firstName());
    name.put("familyName", user.lastName());
    if (!user.email().isEmpty()) {
      node.putArray("emails").addObject().put("value", user.email()).put("type", "work").put("primary", true);
    }
    node.put("active", user.status().filter(UserStatus.LEAVER::equals).isEmpty());
    user.attribute("title").ifPresent(title -> node.put("title", title));
    ObjectNode enterprise = node.putObject(ENTERPRISE);
    for (String attribute : ENTERPRISE_TEXTS) {
      user.attribute(attribute).ifPresent(value -> enterprise.put(attribute, value));
    }
    user.attribute("manager").ifPresent(manager -> enterprise.putObject("manager").put("value", manager));
    ObjectNode hr = node.putObject(HR);
    for (String attribute : HR_TEXTS) {
      user.attribute(attribute).ifPresent(value -> hr.put(attribute, value));
    }
    ObjectNode meta = node.putObject("meta");
    meta.put("resourceType", "User");
    meta.put("location", location);
    return node;
  }

  /** A list response of one page. */
  public static ObjectNode list(List<ObjectNode> page, int total, int startIndex) {
    ObjectNode list = JSON.createObjectNode();
    list.putArray("schemas").add(LIST);
    list.put("totalResults", total);
    list.put("startIndex", startIndex);
    list.put("itemsPerPage", page.size());
    ArrayNode resources = list.putArray("Resources");
    page.forEach(resources::add);
    return list;
  }

  /** An RFC 7644 error. */
  public static ObjectNode error(int status, Optional<String> scimType, String detail) {
    ObjectNode error = JSON.createObjectNode();
    error.putArray("schemas").add(ERROR);
    error.put("status", String.valueOf(status));
    scimType.ifPresent(type -> error.put("scimType", type));
    error.put("detail", detail);
    return error;
  }

  public static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * A PATCH request's operations applied to {@code user} (a copy is changed): add, replace and remove
   * on the attributes this tool keeps, with or without a path.
   *
   * @throws BadRequest for an operation or path it does not support
   */
  public static ObjectNode patch(ObjectNode user, ObjectNode request) {
    if (!request.path("schemas").toString().contains(PATCH)) {
      throw new BadRequest("invalidSyntax", "a PATCH body names the schema " + PATCH);
    }
    JsonNode operations = request.path("Operations");
    if (!operations.isArray() || operations.isEmpty()) {
      throw new BadRequest("invalidSyntax", "a PATCH body has a list of Operations");
    }
    ObjectNode patched = user.deepCopy();
    for (JsonNode operation : operations) {
      String op = operation.path("op").asText("").toLowerCase(Locale.ROOT);
      if (!List.of("add", "replace", "remove").contains(op)) {
        throw new BadRequest("invalidSyntax", "op '" + operation.path("op").asText("") + "' is not add, replace or remove");
      }
      String path = operation.path("path").asText("");
      JsonNode value = operation.path("value");
      if (path.isEmpty()) {
        if (op.equals("remove") || !(value instanceof ObjectNode values)) {
          throw new BadRequest("noTarget", op + " without a path needs an object of attributes as its value");
        }
        values.fields().forEachRemaining(entry -> set(patched, entry.getKey(), entry.getValue()));
      } else if (op.equals("remove")) {
        remove(patched, path);
      } else {
        set(patched, path, value);
      }
    }
    return patched;
  }

  /** Sets an attribute by its SCIM path: {@code active}, {@code name.givenName}, {@code urn:...:User:department}. */
  private static void set(ObjectNode user, String path, JsonNode value) {
    Target target = target(user, path);
    if (target.name().equals("emails") && value.isTextual()) {
      target.parent().putArray("emails").addObject().put("value", value.asText()).put("primary", true);
    } else if (target.name().startsWith("emails[")) {
      target.parent().putArray("emails").addObject().put("value", value.asText()).put("primary", true);
    } else if (value instanceof ObjectNode object && target.parent().get(target.name()) instanceof ObjectNode existing) {
      existing.setAll(object);
    } else {
      target.parent().set(target.name(), value);
    }
  }

  private static void remove(ObjectNode user, String path) {
    Target target = target(user, path);
    target.parent().remove(target.name().startsWith("emails[") ? "emails" : target.name());
  }

  private record Target(ObjectNode parent, String name) {}

  private static Target target(ObjectNode user, String path) {
    for (String extension : List.of(ENTERPRISE, HR)) {
      if (path.equals(extension)) {
        return new Target(user, extension);
      }
      if (path.startsWith(extension + ":")) {
        JsonNode existing = user.get(extension);
        ObjectNode parent = existing instanceof ObjectNode object ? object : user.putObject(extension);
        return dotted(parent, path.substring(extension.length() + 1), path);
      }
    }
    String plain = path.startsWith(USER + ":") ? path.substring(USER.length() + 1) : path;
    return dotted(user, plain, path);
  }

  private static Target dotted(ObjectNode parent, String path, String whole) {
    String[] parts = path.split("\\.");
    if (parts.length > 2 || path.isEmpty() || (path.contains("[") && !path.matches("emails\\[[^\\]]*\\](\\.value)?"))) {
      throw new BadRequest("invalidPath", "the path '" + whole + "' is not one this service supports");
    }
    if (path.startsWith("emails[")) {
      return new Target(parent, "emails[");
    }
    if (parts.length == 2) {
      JsonNode existing = parent.get(parts[0]);
      ObjectNode child = existing instanceof ObjectNode object ? object : parent.putObject(parts[0]);
      return new Target(child, parts[1]);
    }
    return new Target(parent, parts[0]);
  }
}
