package org.stpkit.idam;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.stpkit.idam.internal.KeycloakDirectory;
import org.stpkit.idam.AuditSink;

/**
 * Joiners, movers and leavers into one Keycloak realm: reads the managed users, {@link #plan}s
 * against the HR feed and the access policy, and {@link #apply}s the plan with bounded
 * concurrency, retries and an audit log. One person's failure does not stop the others; a run
 * stopped half-way is finished by the next. Build once, close when done. (Just over 350 lines: the
 * facade, its one apply loop and its builder's documented options belong together.)
 *
 * <pre>{@code
 * try (Reconciler reconciler = Reconciler.builder()
 *     .connection(KeycloakConnection.clientCredentials(url, "caseworking", "stp-idam", secret))
 *     .policy(AccessPolicy.load(Path.of("access-policy.yaml")))
 *     .auditLog(Path.of("/var/log/stp/idam-audit.jsonl"))   // else to the System.Logger
 *     .build()) {
 *   Plan plan = reconciler.plan(HrFeed.read(Path.of("staff.csv")));
 *   System.out.print(plan.toTable());
 *   ApplyResult result = reconciler.apply(plan, false);
 * }
 * }</pre>
 */
public final class Reconciler implements AutoCloseable {
  private final AccessPolicy policy;
  private final KeycloakDirectory directory;
  private final AuditSink audit;
  private final boolean ownsAudit;
  private final Clock clock;
  private final int concurrency;
  private final Progress progress;
  private final ExecutorService workers;

  private Reconciler(Builder builder) {
    this.policy = builder.policy;
    this.audit = builder.audit;
    this.ownsAudit = builder.ownsAudit;
    this.clock = builder.clock;
    this.concurrency = builder.concurrency;
    this.progress = builder.progress;
    this.directory = new KeycloakDirectory(builder.connection, builder.concurrency + 2, builder.attempts,
        builder.firstRetryDelay);
    this.workers = Executors.newFixedThreadPool(concurrency, runnable -> {
      Thread thread = new Thread(runnable, "stp-idam");
      thread.setDaemon(true);
      return thread;
    });
  }

  public static Builder builder() {
    return new Builder();
  }

  public AccessPolicy policy() {
    return policy;
  }

  /** Today, by the reconciler's clock: the day start and end dates are compared with. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The managed users as Keycloak holds them now, with their groups and roles. */
  public List<ManagedUser> managedUsers() {
    return directory.managedUsers(policy.managedBy(), policy.everyGrant(), workers,
        (done, total) -> progress.update(Progress.Stage.READING, done, total));
  }

  /** Evidence for an access review of everyone the policy manages, as Keycloak holds them now. */
  public AccessReview accessReview() {
    return AccessReview.of(policy, managedUsers(), today());
  }

  /**
   * The managed user with this employee number, with all their access; empty when there is none (or,
   * since which is the person cannot be told, when two users carry it).
   */
  public Optional<ManagedUser> managedUser(String employeeNumber) {
    List<ManagedUser> users = directory.managedUsersWithEmployeeNumber(policy.managedBy(), policyClients(), employeeNumber);
    return users.size() == 1 ? Optional.of(users.get(0)) : Optional.empty();
  }

  /** The managed user with this username, with all their access; empty when there is none. */
  public Optional<ManagedUser> managedUserNamed(String username) {
    return directory.managedUserNamed(policy.managedBy(), policyClients(), username);
  }

  /**
   * The clients whose roles are read: those the policy grants roles of. Roles of other clients
   * are never given or taken away by the tool, so they are not read.
   */
  private java.util.Set<String> policyClients() {
    java.util.Set<String> clients = new java.util.TreeSet<>();
    policy.everyGrant().all().stream().filter(grant -> grant.kind() == Grant.Kind.CLIENT_ROLE)
        .forEach(grant -> clients.add(grant.client()));
    return clients;
  }

  /**
   * Checks the realm is ready: every attribute the tool writes is declared in the user profile
   * (Keycloak drops undeclared ones without an error).
   *
   * @throws IdamException naming the undeclared attributes
   */
  public void checkRealm() {
    List<String> missing = directory.undeclaredAttributes(UserProfileDeclaration.attributeNames(policy));
    if (!missing.isEmpty()) {
      throw new IdamException("The realm's user profile does not declare " + String.join(", ", missing)
          + ", so Keycloak would drop them: declare them first (stp idam declare-attributes, or"
          + " UserProfileDeclaration)");
    }
  }

  /** The plan for the whole feed: everyone managed but missing from it is a leaver. */
  public Plan plan(HrFeed feed) {
    checkRealm();
    return Planner.plan(feed, policy, managedUsers(), today(), Planner.Scope.WHOLE_FEED);
  }

  /** The plan for one HR event: this person only, by the same rules. */
  public Plan planEvent(StaffRecord record) {
    checkRealm();
    List<ManagedUser> users = directory.managedUsersWithEmployeeNumber(policy.managedBy(), policyClients(), record.employeeNumber());
    return Planner.plan(HrFeed.of("event", List.of(record)), policy, users, today(),
        Planner.Scope.ONLY_PEOPLE_IN_FEED);
  }

  /**
   * The plan for an urgent leaver: the managed user with this employee number leaves today,
   * whatever the feed last said, keeping the names and HR attributes Keycloak holds. Empty when
   * nobody managed has that employee number.
   */
  public Plan planUrgentLeaver(String employeeNumber) {
    checkRealm();
    List<ManagedUser> users = directory.managedUsersWithEmployeeNumber(policy.managedBy(), policyClients(), employeeNumber);
    return Planner.plan(HrFeed.of("urgent leaver", List.of()), policy, users, today(), Planner.Scope.LEAVING_NOW);
  }

  /**
   * Applies a plan: each person's changes in order, {@code concurrency} people at a time, every
   * change written to the audit log.
   *
   * @throws MassChangeException when the plan crosses a threshold and {@code allowMassChange} is false
   */
  public ApplyResult apply(Plan plan, boolean allowMassChange) {
    if (!plan.breaches().isEmpty() && !allowMassChange) {
      throw new MassChangeException(plan.breaches());
    }
    AuditEvent.Authority authority = plan.breaches().isEmpty()
        ? AuditEvent.Authority.WITHIN_THRESHOLDS : AuditEvent.Authority.BREAK_GLASS;
    return run(plan, authority, Optional.empty());
  }

  /**
   * Applies exactly a reviewed plan: the feed and policy given now and Keycloak as it is now must be
   * what the plan was made from. A plan over the thresholds needs an {@link Approval} by one of the
   * policy's {@link AccessPolicy#approvers()}, or {@code allowMassChange} (break-glass, audited as such).
   *
   * @throws PlanDriftException naming what changed since the plan, having changed nothing
   * @throws MassChangeException when the plan is over the thresholds, unapproved, and mass change not allowed
   */
  public ApplyResult apply(ReviewedPlan reviewed, HrFeed feed, boolean allowMassChange) {
    Plan now = plan(feed);
    List<String> drift = reviewed.basis().driftSince(now.basis());
    if (!drift.isEmpty()) {
      throw new PlanDriftException(reviewed.toString(), drift);
    }
    if (!now.digest().equals(reviewed.digest())) {
      // Same inputs, another plan: a different version of the tool made it.
      throw new PlanDriftException(reviewed.toString(), List.of("the plan made from the same feed, policy and"
          + " Keycloak now differs from it (was it made by another version of stp?)"));
    }
    if (now.breaches().isEmpty()) {
      return run(now, AuditEvent.Authority.WITHIN_THRESHOLDS, Optional.empty());
    }
    Optional<Approver> approver = reviewed.approvals().stream()
        .flatMap(approval -> approval.verify(reviewed.digest(), policy.approvers()).stream()).findFirst();
    if (approver.isPresent()) {
      return run(now, AuditEvent.Authority.APPROVED, approver.map(Approver::name));
    }
    if (allowMassChange) {
      return run(now, AuditEvent.Authority.BREAK_GLASS, Optional.empty());
    }
    throw new MassChangeException(now.breaches(), !reviewed.approvals().isEmpty());
  }

  private ApplyResult run(Plan plan, AuditEvent.Authority authority, Optional<String> approver) {
    String runId = UUID.randomUUID().toString();
    long started = System.nanoTime();
    List<ApplyResult.Failure> failures = Collections.synchronizedList(new ArrayList<>());
    int applied = 0;
    audit.record(new AuditEvent.RunStarted(clock.instant(), runId, plan.day(), plan.users().size(),
        plan.changeCount(), plan.digest(), authority, approver));
    List<Future<Integer>> tasks = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    int people = plan.users().size();
    progress.update(Progress.Stage.APPLYING, 0, people);
    for (UserPlan user : plan.users()) {
      tasks.add(workers.submit(() -> {
        int changed = applyUser(runId, user, failures);
        progress.update(Progress.Stage.APPLYING, done.incrementAndGet(), people);
        return changed;
      }));
    }
    for (Future<Integer> task : tasks) {
      applied += await(task);
    }
    audit.record(new AuditEvent.RunFinished(clock.instant(), runId, applied, failures.size()));
    List<ApplyResult.Failure> ordered = new ArrayList<>(failures);
    ordered.sort(java.util.Comparator.comparing(ApplyResult.Failure::employeeNumber));
    return new ApplyResult(runId, plan.users().size(), applied, ordered,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private int applyUser(String runId, UserPlan user, List<ApplyResult.Failure> failures) {
    Optional<String> userId = user.userId();
    int applied = 0;
    for (Change change : user.changes()) {
      try {
        userId = Optional.of(directory.apply(userId, user.username(), policy.managedBy(), change));
        audit.record(new AuditEvent.ChangeTried(clock.instant(), runId, user.employeeNumber(), user.username(), userId,
            user.kind(), change, Optional.empty()));
        applied++;
      } catch (IdamException e) {
        // The person's later steps depend on this one: stop here; the next run plans them again.
        audit.record(new AuditEvent.ChangeTried(clock.instant(), runId, user.employeeNumber(), user.username(), userId,
            user.kind(), change, Optional.of(String.valueOf(e.getMessage()))));
        OptionalInt status = e instanceof KeycloakException keycloak ? keycloak.status() : OptionalInt.empty();
        failures.add(new ApplyResult.Failure(user.employeeNumber(), user.username(), change.describe(),
            String.valueOf(e.getMessage()), status));
        break;
      }
    }
    return applied;
  }

  private static int await(Future<Integer> task) {
    try {
      return task.get();
    } catch (java.util.concurrent.ExecutionException failed) {
      throw new IdamException("Applying failed: " + failed.getCause(), failed.getCause());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IdamException("Interrupted while applying", interrupted);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
    try {
      directory.close();
    } finally {
      if (ownsAudit) {
        audit.close();
      }
    }
  }

  public static final class Builder {
    private @Nullable KeycloakConnection connection;
    private @Nullable AccessPolicy policy;
    private AuditSink audit = AuditSink.systemLogger();
    private boolean ownsAudit;
    private Clock clock = Clock.systemDefaultZone();
    private int concurrency = 4;
    private Progress progress = Progress.NONE;
    private int attempts = 6;
    private Duration firstRetryDelay = Duration.ofMillis(250);

    private Builder() {
    }

    public Builder connection(KeycloakConnection value) {
      this.connection = value;
      return this;
    }

    public Builder policy(AccessPolicy value) {
      this.policy = value;
      return this;
    }

    /**
     * Appends the audit trail to this file as JSON lines ({@link AuditSink#jsonLines(Path)}), closed
     * with the reconciler. Without this or {@link #audit(AuditSink)}, the trail goes to the
     * {@code org.stpkit.idam.audit} {@link System.Logger}: a library writes no file it was not asked for.
     */
    public Builder auditLog(Path file) {
      this.audit = AuditSink.jsonLines(file);
      this.ownsAudit = true;
      return this;
    }

    /** Where the audit trail goes; the caller keeps and closes {@code sink}. */
    public Builder audit(AuditSink sink) {
      this.audit = java.util.Objects.requireNonNull(sink, "sink");
      this.ownsAudit = false;
      return this;
    }

    /** The clock that says what day it is (tests move it). Default: the system clock, local time zone. */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /** How many people are read or changed at once. Default 4; Keycloak gains little past 8. */
    public Builder concurrency(int value) {
      if (value < 1 || value > 64) {
        throw new IllegalArgumentException("concurrency must be 1 to 64");
      }
      this.concurrency = value;
      return this;
    }

    /** Attempts per Keycloak call on 5xx, 429 and timeouts, and the first backoff (doubling, at most 5 s). Default 6, 250 ms. */
    public Builder retries(int attempts, Duration firstDelay) {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be 1 or more");
      }
      this.attempts = attempts;
      this.firstRetryDelay = firstDelay;
      return this;
    }

    /** Told how reading and applying go, for a progress display. Default: {@link Progress#NONE}. */
    public Builder progress(Progress value) {
      this.progress = java.util.Objects.requireNonNull(value, "progress");
      return this;
    }

    public Reconciler build() {
      if (connection == null || policy == null) {
        throw new IllegalStateException("A Reconciler needs a connection and a policy");
      }
      return new Reconciler(this);
    }
  }
}
