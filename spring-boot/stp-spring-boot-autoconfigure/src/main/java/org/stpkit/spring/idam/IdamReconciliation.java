package org.stpkit.spring.idam;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.stpkit.idam.AccessPolicy;
import org.stpkit.idam.ApplyResult;
import org.stpkit.idam.HrFeed;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.KeycloakConnection;
import org.stpkit.idam.MassChangeException;
import org.stpkit.idam.Plan;
import org.stpkit.idam.Reconciler;

/**
 * {@code stp idam apply} as a scheduled job: every {@code stp.idam.reconcile.every}, the HR feed and
 * access policy are read afresh, planned against the realm and applied, every change appended to
 * the audit log. A plan over the policy's thresholds is refused (and logged) unless {@code
 * allow-mass-change}. One run at a time; {@link #runNow()} runs one on the caller's thread.
 */
public final class IdamReconciliation implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(IdamReconciliation.class);

  /** What a run did: the plan, and what applying it did (empty when it was refused). */
  public record Run(Plan plan, Optional<ApplyResult> result) {
    public Run {
      Objects.requireNonNull(plan, "plan");
      Objects.requireNonNull(result, "result");
    }
  }

  private final StpIdamProperties properties;
  private final ResourceLoader resources;
  private final Supplier<KeycloakConnection> connection;
  private final IdamObserver observer;
  private volatile @Nullable ScheduledExecutorService scheduler;

  IdamReconciliation(StpIdamProperties properties, ResourceLoader resources, Supplier<KeycloakConnection> connection,
      IdamObserver observer) {
    this.properties = properties;
    this.resources = resources;
    this.connection = connection;
    this.observer = observer;
  }

  /**
   * Reads the feed and policy, plans and applies.
   *
   * @throws MassChangeException when the plan crosses a threshold and mass change is not allowed: nothing is changed
   * @throws IdamException when the feed, the policy or Keycloak cannot be used
   */
  public synchronized Run runNow() {
    StpIdamProperties.Reconcile settings = properties.reconcile();
    AccessPolicy policy = AccessPolicy.parse(text(Objects.requireNonNull(settings.policy())), name(settings.policy()));
    HrFeed feed = feed(Objects.requireNonNull(settings.feed()));
    feed.problems().forEach(problem -> LOG.warn("HR feed: {}", problem));
    try (Reconciler reconciler = Reconciler.builder().connection(connection.get()).policy(policy)
        .auditLog(settings.auditLog()).build()) {
      Plan plan = reconciler.plan(feed);
      if (plan.isEmpty()) {
        observer.ran(plan, Optional.empty(), false);
        return new Run(plan, Optional.empty());
      }
      try {
        ApplyResult result = reconciler.apply(plan, settings.allowMassChange());
        observer.ran(plan, Optional.of(result), false);
        LOG.info("Joiners, movers and leavers: applied {} changes for {} people in {} ms (run {}), {} failed",
            result.changesApplied(), result.people(), result.took().toMillis(), result.runId(), result.failures().size());
        result.failures().forEach(failure -> LOG.warn("Joiners, movers and leavers: {}", failure));
        return new Run(plan, Optional.of(result));
      } catch (MassChangeException e) {
        observer.ran(plan, Optional.empty(), true);
        throw e;
      }
    }
  }

  private HrFeed feed(String location) {
    String name = name(location);
    try (Reader in = new InputStreamReader(open(location), StandardCharsets.UTF_8)) {
      return name.endsWith(".json") ? HrFeed.readJson(in, name) : HrFeed.readCsv(in, name);
    } catch (IOException e) {
      throw new IdamException("Cannot read the HR feed " + location + ": " + e.getMessage(), e);
    }
  }

  private String text(String location) {
    try (InputStream in = open(location)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IdamException("Cannot read " + location + ": " + e.getMessage(), e);
    }
  }

  private InputStream open(String location) throws IOException {
    Resource resource = resources.getResource(location);
    if (!resource.exists()) {
      throw new IOException("nothing is there");
    }
    return resource.getInputStream();
  }

  private static String name(String location) {
    return location.replaceFirst("^(classpath\\*?|file):/?", "");
  }

  @Override
  public void start() {
    ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "stp-idam-reconcile");
      thread.setDaemon(true);
      return thread;
    });
    runner.scheduleWithFixedDelay(this::scheduledRun, properties.reconcile().initialDelay().toMillis(),
        properties.reconcile().every().toMillis(), TimeUnit.MILLISECONDS);
    scheduler = runner;
  }

  private void scheduledRun() {
    try {
      runNow();
    } catch (MassChangeException e) {
      LOG.error("Joiners, movers and leavers: the plan was refused, nothing changed: {}", e.getMessage());
    } catch (RuntimeException e) {
      // The next run tries again; a failure must not end the schedule.
      LOG.error("Joiners, movers and leavers: the run failed: {}", e.getMessage(), e);
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService runner = scheduler;
    scheduler = null;
    if (runner != null) {
      runner.shutdownNow();
      try {
        runner.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
