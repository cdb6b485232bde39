package org.stpkit.idam.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.stpkit.idam.ApplyResult;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.KeycloakException;
import org.stpkit.idam.ManagedUser;
import org.stpkit.idam.MassChangeException;
import org.stpkit.idam.Plan;
import org.stpkit.idam.Reconciler;
import org.stpkit.idam.StaffRecord;
import org.stpkit.idam.UserPlan;
import org.stpkit.idam.internal.ScimUsers;

/**
 * Inbound SCIM 2.0 for the {@code /Users} endpoint, framework-neutral ({@link ScimServlet} adapts it
 * to Servlet 6). Every push is an HR event for one person, planned by the same rules as a feed
 * ({@link Reconciler#planEvent}) and applied at once, audited as any run. A user's {@code id} is
 * their employee number.
 *
 * <p><b>The leaver fuse.</b> More leavers than {@code leaverFuse} in {@code fuseWindow} (25 in an
 * hour by default) blows the fuse: that leaver and every later one are queued, not applied, and
 * answered {@code 202 Accepted}, until an operator has looked and calls {@link #releaseQueued()}.
 * Joiners and movers go on. So a runaway sync cannot disable everyone. Give the fuse a
 * {@link Builder#fuseState state file} so that a restart keeps the queue and the blown fuse.
 */
public final class ScimProvisioning {
  private static final Pattern FILTER = Pattern.compile("\\s*(userName|externalId|id)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final int MAX_PAGE = 200;

  private final Reconciler reconciler;
  private final List<byte[]> tokenDigests;
  private final LeaverFuse fuse;
  private final Clock clock;

  private ScimProvisioning(Builder builder) {
    this.reconciler = Objects.requireNonNull(builder.reconciler, "reconciler");
    this.tokenDigests = builder.tokens.stream().map(ScimProvisioning::sha256).toList();
    this.fuse = LeaverFuse.open(builder.leaverFuse, builder.fuseWindow, Optional.ofNullable(builder.fuseState));
    this.clock = builder.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Answers one request. {@code path} is below the SCIM base ({@code /Users}, {@code /Users/E1001});
   * {@code baseUrl} is where that base is served, for {@code meta.location}.
   */
  public ScimResponse handle(String method, String path, Map<String, String> query, @Nullable String authorization,
      String body, String baseUrl) {
    if (!authorised(authorization)) {
      return error(401, null, "a bearer token this service knows is needed");
    }
    try {
      Matcher users = Pattern.compile("/Users(?:/([^/]+))?/?").matcher(path);
      if (!users.matches()) {
        return error(404, null, "this service serves /Users only");
      }
      String id = users.group(1);
      String location = baseUrl + "/Users/";
      return switch (method + (id == null ? " list" : " one")) {
        case "GET list" -> list(query, location);
        case "POST list" -> create(ScimUsers.body(body), location);
        case "GET one" -> found(id).map(user -> ok(200, ScimUsers.user(user, location + id)))
            .orElseGet(() -> error(404, null, "no user " + id));
        case "PUT one" -> replace(id, ScimUsers.body(body), location);
        case "PATCH one" -> patch(id, ScimUsers.body(body), location);
        case "DELETE one" -> delete(id);
        default -> error(405, null, method + " is not supported here");
      };
    } catch (ScimUsers.BadRequest bad) {
      return error(400, bad.scimType(), String.valueOf(bad.getMessage()));
    } catch (MassChangeException refused) {
      return error(409, null, "refused by the access policy's thresholds: " + refused.breaches());
    } catch (KeycloakException keycloak) {
      return error(keycloak.status().orElse(0) == 409 ? 409 : 503, null,
          "Keycloak could not make the change; try again later (" + keycloak.operation() + ")");
    } catch (IdamException failed) {
      return error(500, null, "the change could not be made: " + failed.getMessage());
    }
  }

  /** Employee numbers of the leavers queued by the fuse, oldest first. */
  public List<String> queuedLeavers() {
    return fuse.queued();
  }

  /** Whether the fuse has blown and leavers are being queued. */
  public boolean fuseBlown() {
    return fuse.blown();
  }

  /**
   * Applies the queued leavers, after an operator has checked them, and mends the fuse. Each is
   * planned again from Keycloak's state now, and leaves the queue once applied: if Keycloak fails
   * part-way, the rest stay queued and the fuse stays blown.
   */
  public synchronized List<ApplyResult> releaseQueued() {
    List<ApplyResult> results = new ArrayList<>();
    do {
      for (String employeeNumber : fuse.queued()) {
        results.add(reconciler.apply(reconciler.planUrgentLeaver(employeeNumber), true));
        fuse.released(employeeNumber);
      }
    } while (!fuse.mendIfNoneQueued());
    return results;
  }

  private ScimResponse list(Map<String, String> query, String location) {
    int startIndex = Math.max(1, number(query, "startIndex", 1));
    int count = Math.min(MAX_PAGE, Math.max(0, number(query, "count", 100)));
    String filter = query.get("filter");
    List<ManagedUser> matched;
    if (filter == null) {
      matched = reconciler.managedUsers();
    } else {
      Matcher parsed = FILTER.matcher(filter);
      if (!parsed.matches()) {
        throw new ScimUsers.BadRequest("invalidFilter", "filters supported are userName eq \"...\" and"
            + " externalId eq \"...\", not: " + filter);
      }
      String value = parsed.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
      matched = (parsed.group(1).equalsIgnoreCase("userName") ? reconciler.managedUserNamed(value)
          : found(value)).stream().toList();
    }
    List<ManagedUser> sorted = new ArrayList<>(matched);
    sorted.sort(java.util.Comparator.comparing(user -> user.employeeNumber().orElse("")));
    List<ObjectNode> page = sorted.stream().skip(startIndex - 1L).limit(count)
        .map(user -> ScimUsers.user(user, location + user.employeeNumber().orElse(""))).toList();
    return ok(200, ScimUsers.list(page, sorted.size(), startIndex));
  }

  private ScimResponse create(ObjectNode body, String location) {
    StaffRecord record = ScimUsers.record(body, Optional.empty());
    if (found(record.employeeNumber()).isPresent()) {
      return error(409, "uniqueness", "a user with employee number " + record.employeeNumber() + " exists");
    }
    return push(record, location, 201);
  }

  private ScimResponse replace(String id, ObjectNode body, String location) {
    if (found(id).isEmpty()) {
      return error(404, null, "no user " + id);
    }
    return push(ScimUsers.record(body, Optional.of(id)), location, 200);
  }

  private ScimResponse patch(String id, ObjectNode body, String location) {
    Optional<ManagedUser> current = found(id);
    if (current.isEmpty()) {
      return error(404, null, "no user " + id);
    }
    ObjectNode patched = ScimUsers.patch(ScimUsers.user(current.get(), location + id), body);
    return push(ScimUsers.record(patched, Optional.of(id)), location, 200);
  }

  private ScimResponse delete(String id) {
    if (found(id).isEmpty()) {
      return error(404, null, "no user " + id);
    }
    Plan plan = reconciler.planUrgentLeaver(id);
    if (queuedByTheFuse(plan, id)) {
      return ok(202, ScimUsers.error(202, Optional.empty(), "queued for approval: the leaver fuse has blown"));
    }
    failed(reconciler.apply(plan, false));
    return new ScimResponse(204, "");
  }

  /** Plans and applies one person's event, answering with the user as Keycloak now holds them. */
  private ScimResponse push(StaffRecord record, String location, int status) {
    Plan plan = reconciler.planEvent(record);
    if (queuedByTheFuse(plan, record.employeeNumber())) {
      return ok(202, ScimUsers.error(202, Optional.empty(), "queued for approval: the leaver fuse has blown"));
    }
    failed(reconciler.apply(plan, false));
    Optional<ManagedUser> now = found(record.employeeNumber());
    // A pre-hire who waits for their start date has no account yet: the record is answered as sent.
    return now.map(user -> ok(status, ScimUsers.user(user, location + record.employeeNumber())))
        .orElseGet(() -> new ScimResponse(202, ""));
  }

  private static void failed(ApplyResult result) {
    if (!result.succeeded()) {
      ApplyResult.Failure failure = result.failures().get(0);
      throw new KeycloakException(failure.message(), failure.change(), failure.keycloakStatus().orElse(0), null);
    }
  }

  /** Counts the plan's leavers against the fuse; whether it queued the person instead of letting it apply. */
  private boolean queuedByTheFuse(Plan plan, String employeeNumber) {
    boolean leaving = plan.users().stream().anyMatch(user -> user.kind() == UserPlan.Kind.LEAVER
        && user.changes().stream().anyMatch(change -> change instanceof org.stpkit.idam.Change.Disable
            || change instanceof org.stpkit.idam.Change.EndSessions));
    return leaving && fuse.holdsBack(employeeNumber, clock.instant());
  }

  private Optional<ManagedUser> found(String employeeNumber) {
    return reconciler.managedUser(employeeNumber);
  }

  private boolean authorised(@Nullable String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = sha256(authorization.substring(7).strip());
    boolean known = false;
    for (byte[] token : tokenDigests) {
      known |= MessageDigest.isEqual(token, given); // no early exit: the time taken says nothing
    }
    return known;
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static int number(Map<String, String> query, String name, int otherwise) {
    String value = query.get(name);
    if (value == null) {
      return otherwise;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new ScimUsers.BadRequest("invalidValue", name + " should be a whole number, not '" + value + "'");
    }
  }

  private static ScimResponse ok(int status, ObjectNode body) {
    return new ScimResponse(status, ScimUsers.write(body));
  }

  private static ScimResponse error(int status, @Nullable String scimType, String detail) {
    return new ScimResponse(status, ScimUsers.write(ScimUsers.error(status, Optional.ofNullable(scimType), detail)));
  }

  public static final class Builder {
    private @Nullable Reconciler reconciler;
    private final List<String> tokens = new ArrayList<>();
    private int leaverFuse = 25;
    private Duration fuseWindow = Duration.ofHours(1);
    private @Nullable Path fuseState;
    private Clock clock = Clock.systemUTC();

    private Builder() {
    }

    /** The reconciler every push is planned and applied by (its policy, audit sink and Keycloak). */
    public Builder reconciler(Reconciler value) {
      this.reconciler = value;
      return this;
    }

    /** A bearer token a client may send; give two while rotating. Kept only as a SHA-256 digest. */
    public Builder bearerToken(String token) {
      if (token.strip().length() < 32) {
        throw new IllegalArgumentException("a bearer token needs at least 32 characters");
      }
      tokens.add(token.strip());
      return this;
    }

    /** At most {@code leavers} leavers in {@code window} before the fuse blows. Default 25 an hour. */
    public Builder leaverFuse(int leavers, Duration window) {
      if (leavers < 0 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("the fuse needs 0 or more leavers in a positive window");
      }
      this.leaverFuse = leavers;
      this.fuseWindow = window;
      return this;
    }

    /**
     * Keeps the fuse's state (blown or not, the recent leavers it counts, the queue) in this file,
     * written before each push that changes it is answered and read back at start, so a restart
     * neither forgets queued leavers nor mends a blown fuse. Without it the state is in memory
     * only. A file that cannot be read stops {@link #build()} with an {@link IdamException}.
     */
    public Builder fuseState(Path file) {
      this.fuseState = Objects.requireNonNull(file, "file");
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    public ScimProvisioning build() {
      if (tokens.isEmpty()) {
        throw new IllegalStateException("SCIM provisioning needs at least one bearer token");
      }
      return new ScimProvisioning(this);
    }
  }
}
