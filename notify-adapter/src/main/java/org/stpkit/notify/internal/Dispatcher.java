package org.stpkit.notify.internal;

import io.github.resilience4j.core.IntervalFunction;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.stpkit.notify.Channel;
import org.stpkit.notify.OutboxStatus;
import org.stpkit.notify.QuietHours;
import org.stpkit.notify.internal.Transitions.Transition;

/**
 * Sends the outbox to Notify from this node. A run (one db-scheduler execution, on one node at a
 * time: docs/adr/0004) claims due messages as fast as in-flight places free up and starts their
 * requests; it never waits for a request to end. Outcomes are recorded by this node's recorder
 * thread in batches, whether or not the run that claimed them is still going, so a slow or
 * unanswered request holds only its own message and one of {@code maxInFlight} places.
 *
 * <p>A retry first looks the message up by its reference, so a send whose answer was lost is
 * never sent twice; messages a stopped node left {@code SENDING} are looked up the same way. The
 * one exception: a retry after Notify answered 429, which says it did not create the message.
 *
 * <p>Kept whole, about 420 lines: claiming, sending and recording share the in-flight places
 * and the outcome queue, and their hand-offs are what the take-over bound in the README rests on.
 */
public final class Dispatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final int CLAIM_BATCH = 200;
  private static final int RECORD_BATCH = 1_000;
  private static final Duration HOUSEKEEPING_EVERY = Duration.ofSeconds(1);
  /** How long a run waits for a batch's worth of places before claiming what is free. */
  private static final Duration PLACES_WAIT = Duration.ofMillis(20);

  /** How the dispatcher paces itself. */
  public record Settings(int maxInFlight, int maxAttempts, Duration backoffBase, Duration backoffMax,
      Duration statusPollAfter, Duration requestTimeout, Map<Channel, QuietHours> quietHours) {
    public Settings {
      quietHours = Map.copyOf(quietHours);
    }
  }

  /** A claim whose requests have all ended: its rate slots count from now. */
  private record Release(String batchId, Instant at) {}

  /** Recorded once everything queued before it is: how {@link #dispatchNow} waits for the outcomes it caused. */
  private record Flush(CountDownLatch done) {}

  private final Claims claims;
  private final Transitions transitions;
  private final Map<String, NotifyTransport> transports;
  private final Settings settings;
  private final Clock clock;
  private final IntervalFunction backoff;
  private final Semaphore places;
  /** Free places that make a claim worth its transaction: a quarter of them, at most a claim's batch. */
  private final int worthClaiming;
  private final LinkedBlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();
  private final Thread recorder;
  private volatile boolean open = true;
  private volatile Instant housekeptAt = Instant.EPOCH;

  public Dispatcher(Claims claims, Transitions transitions, Map<String, NotifyTransport> transports, Settings settings,
      Clock clock) {
    this.claims = claims;
    this.transitions = transitions;
    this.transports = Map.copyOf(transports);
    this.settings = settings;
    this.clock = clock;
    this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.backoffBase().toMillis(), 2.0, 0.5,
        settings.backoffMax().toMillis());
    this.places = new Semaphore(settings.maxInFlight());
    this.worthClaiming = Math.max(1, Math.min(CLAIM_BATCH, settings.maxInFlight() / 4));
    this.recorder = new Thread(this::record, "notify-outcomes");
    recorder.setDaemon(true);
    recorder.start();
  }

  /**
   * One run: claims and starts sends until nothing is due, the rate window is full, or {@code
   * budget} is spent. Requests still under way when it returns are recorded when they end.
   */
  public void run(Duration budget) {
    Instant until = clock.instant().plus(budget);
    try {
      while (open && clock.instant().isBefore(until)) {
        housekeep();
        if (!claimAndStart(clock.instant())) {
          return;
        }
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Notify dispatch could not claim messages; it tries again shortly", e);
    }
  }

  /**
   * Sends what is due now, on this thread, pass by pass: each pass's outcomes are recorded before
   * the next claims (tools and tests; in service the scheduler calls {@link #run}). Only messages
   * due when it is called are sent: a retry that falls due meanwhile waits for the next call.
   */
  public void dispatchNow() {
    try {
      Instant dueBy = clock.instant();
      housekeptAt = Instant.EPOCH;
      housekeep();
      awaitQuiet();
      while (open && claimAndStart(dueBy)) {
        awaitQuiet();
      }
      awaitQuiet();
    } catch (SQLException e) {
      throw new IllegalStateException("Notify dispatch could not claim messages: " + e.getMessage(), e);
    }
  }

  /** Stops claiming; waits for requests under way (up to their timeout) and records their outcomes. */
  @Override
  public void close() {
    open = false;
    try {
      places.tryAcquire(settings.maxInFlight(), settings.requestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
      flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    recorder.interrupt();
  }

  /**
   * Claims as many messages due by {@code dueBy} as there are free places and starts them; false
   * when none was claimed.
   */
  private boolean claimAndStart(Instant dueBy) throws SQLException {
    int free = places.availablePermits();
    if (free < worthClaiming && free < settings.maxInFlight()) {
      // A claim is one transaction of several statements: claiming each place as it frees would
      // spend more time claiming than sending. Wait a moment for a batch's worth of places.
      awaitPlaces(worthClaiming);
      free = places.availablePermits();
      if (free == 0) {
        return true;
      }
    }
    Optional<Claims.Claim<Claimed>> claimed = claimWithPlaces(free, wanted -> {
      Instant now = clock.instant();
      return claims.due(wanted, now, dueBy, quietChannels(now));
    });
    if (claimed.isEmpty()) {
      return true;
    }
    Claims.Claim<Claimed> claim = claimed.get();
    if (claim.isEmpty()) {
      return false;
    }
    AtomicInteger remaining = new AtomicInteger(claim.items().size());
    for (Claimed message : claim.items()) {
      attempt(message).exceptionally(failure -> retryOrFail(message,
          "the attempt failed unexpectedly: " + failure, false)).whenComplete((transition, ignored) -> {
            outcomes.add(transition);
            places.release();
            if (remaining.decrementAndGet() == 0) {
              outcomes.add(new Release(claim.batchId(), clock.instant()));
            }
          });
    }
    return true;
  }

  /**
   * A message's attempt: a retry is looked up by its reference first, and only sent if Notify lacks
   * it; a first attempt, or a retry after a refusal to create it, is sent at once.
   */
  private CompletableFuture<Transition> attempt(Claimed message) {
    NotifyTransport transport = transports.get(message.service());
    if (!message.lookUpFirst()) {
      return transport.send(message).thenApply(outcome -> afterSend(message, outcome));
    }
    return transport.findByReference(message.reference()).handle((found, failure) -> {
      if (failure != null) {
        return CompletableFuture.completedFuture(retryOrFail(message,
            "could not look the message up in Notify before resending: " + cause(failure), false));
      }
      // Notify lists the newest first, so the notification an earlier send made and Notify failed to
      // deliver is found only when no send since has reached Notify: then the redrive's new send is due.
      if (found.isPresent() && !message.undeliveredNotifyId().equals(Optional.of(found.get().notifyId()))) {
        return CompletableFuture.completedFuture(Transition.sent(message.id(), clock.instant(), found.get().notifyId(),
            "Notify already had it (found by reference after an unknown outcome); Notify id " + found.get().notifyId(),
            !message.files().isEmpty()));
      }
      return transport.send(message).thenApply(outcome -> afterSend(message, outcome));
    }).thenCompose(next -> next);
  }

  private Transition afterSend(Claimed message, NotifyTransport.Outcome outcome) {
    Instant now = clock.instant();
    if (outcome instanceof NotifyTransport.Outcome.Accepted accepted) {
      return Transition.sent(message.id(), now, accepted.notifyId(), "Notify id " + accepted.notifyId(),
          !message.files().isEmpty());
    }
    if (outcome instanceof NotifyTransport.Outcome.Refused refused) {
      return Transition.failed(message.id(), OutboxStatus.SENDING, now, refused.errorType(), refused.message(),
          "refused by Notify (" + refused.status() + " " + refused.errorType() + "): " + refused.message());
    }
    if (outcome instanceof NotifyTransport.Outcome.TryAgain again) {
      // A 429 (RateLimitError, TooManyRequestsError) is Notify checking its limits before it creates
      // anything, so the message is certainly not there and the retry need not spend a request, at
      // the limit just hit, looking for it. A 5xx proves no such thing: Notify can fail after
      // storing the message, and a 502 or 504 from the proxies in front of it may stand for a
      // request that went on to succeed. Those are looked up like a lost answer.
      boolean notCreated = again.status() == 429;
      return retryOrFail(message, again.status() + " " + again.errorType() + ": " + again.message(), notCreated);
    }
    return retryOrFail(message, "no answer from Notify (" + ((NotifyTransport.Outcome.Unknown) outcome).reason()
        + "); it is looked up by reference before any resend", false);
  }

  /**
   * Retries the message after a backoff, or fails it once it has had its attempts. {@code
   * notCreated}: Notify said this attempt did not create it, so the next attempt sends without a
   * lookup (this attempt's own lookup, if it made one, already covered the attempts before).
   */
  private Transition retryOrFail(Claimed message, String reason, boolean notCreated) {
    Instant now = clock.instant();
    if (message.attempts() >= settings.maxAttempts()) {
      return Transition.failed(message.id(), OutboxStatus.SENDING, now, "GaveUp", "after " + message.attempts()
          + " attempts; last: " + reason, "gave up after " + message.attempts() + " attempts: " + reason);
    }
    long delay = backoff.apply(message.attempts());
    return Transition.retrying(message.id(), now, now.plusMillis(delay), reason,
        "attempt " + message.attempts() + ": " + reason + "; next in " + delay + " ms"
            + (notCreated ? ", without a lookup (Notify did not create it)" : ""),
        notCreated ? Optional.of(message.attempts()) : Optional.empty());
  }

  /** At most once a second: messages a stopped node left SENDING, and status polls. */
  private void housekeep() throws SQLException {
    Instant now = clock.instant();
    if (Duration.between(housekeptAt, now).compareTo(HOUSEKEEPING_EVERY) < 0) {
      return;
    }
    housekeptAt = now;
    List<Transition> recovered = new ArrayList<>();
    for (String id : claims.stale(now)) {
      recovered.add(Transition.retrying(id, now, now, "no answer recorded (the sending node stopped)",
          "no answer recorded (the sending node stopped); it is looked up in Notify before any resend",
          Optional.empty()));
    }
    transitions.apply(recovered);
    pollStatuses(now);
  }

  /** Asks Notify for the status of sent messages not heard of for a while; final ones are recorded. */
  private void pollStatuses(Instant now) throws SQLException {
    int free = places.availablePermits();
    if (free == 0) {
      return;
    }
    Optional<Claims.Claim<Claims.Poll>> claimed =
        claimWithPlaces(free, wanted -> claims.statusPolls(wanted, now, settings.statusPollAfter()));
    if (claimed.isEmpty()) {
      return;
    }
    Claims.Claim<Claims.Poll> claim = claimed.get();
    if (claim.isEmpty()) {
      return;
    }
    AtomicInteger remaining = new AtomicInteger(claim.items().size());
    for (Claims.Poll poll : claim.items()) {
      transports.get(poll.service()).status(poll.notifyId()).handle((found, failure) -> {
        if (failure != null) {
          LOG.log(Level.FINE, "Status poll of " + poll.notifyId() + " failed; it is polled again", failure);
          return Optional.<Transition>empty();
        }
        return Transitions.fromNotifyStatus(poll.id(), found.status(), "polled", clock.instant());
      }).whenComplete((transition, ignored) -> {
        transition.ifPresent(outcomes::add);
        places.release();
        if (remaining.decrementAndGet() == 0) {
          outcomes.add(new Release(claim.batchId(), clock.instant()));
        }
      });
    }
  }

  /** A claim of up to {@code wanted} items: sends or status polls. */
  @FunctionalInterface
  private interface ClaimOf<T> {
    Claims.Claim<T> claim(int wanted) throws SQLException;
  }

  /**
   * Takes up to a claim's batch of the {@code free} places, claims that many items, and gives back
   * the places the claim did not fill (all of them if it throws); each item claimed keeps its place
   * until its request ends. Empty when another thread took the places first.
   */
  private <T> Optional<Claims.Claim<T>> claimWithPlaces(int free, ClaimOf<T> claimOf) throws SQLException {
    // The places are taken before the claim, so a message is never SENDING without one: awaitQuiet,
    // which takes every place, then waits for another thread's claim as well as for its requests
    // (dispatchNow cannot return while a background claim holds messages SENDING).
    int wanted = Math.min(free, CLAIM_BATCH);
    if (!places.tryAcquire(wanted)) {
      return Optional.empty();
    }
    Claims.Claim<T> claim;
    try {
      claim = claimOf.claim(wanted);
    } catch (SQLException | RuntimeException e) {
      places.release(wanted);
      throw e;
    }
    places.release(wanted - claim.items().size());
    return Optional.of(claim);
  }

  private Set<Channel> quietChannels(Instant now) {
    Set<Channel> quiet = EnumSet.noneOf(Channel.class);
    java.time.LocalTime time = now.atZone(UK).toLocalTime();
    settings.quietHours().forEach((channel, hours) -> {
      if (hours.contains(time)) {
        quiet.add(channel);
      }
    });
    return quiet;
  }

  /** The recorder thread: outcomes in batches, one transaction each; then the claims whose requests all ended. */
  private void record() {
    List<Object> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(outcomes.take());
      } catch (InterruptedException e) {
        return;
      }
      outcomes.drainTo(batch, RECORD_BATCH - 1);
      List<Transition> changes = new ArrayList<>();
      List<Release> releases = new ArrayList<>();
      List<Flush> flushes = new ArrayList<>();
      for (Object item : batch) {
        if (item instanceof Transition change) {
          changes.add(change);
        } else if (item instanceof Release release) {
          releases.add(release);
        } else if (item instanceof Flush flush) {
          flushes.add(flush);
        }
      }
      batch.clear();
      try {
        transitions.apply(changes);
      } catch (SQLException | RuntimeException e) {
        // The messages stay SENDING; once stale they are looked up in Notify and recorded then.
        LOG.log(Level.WARNING, "Recording " + changes.size() + " Notify outcomes failed; they are looked up again", e);
      }
      for (Release release : releases) {
        try {
          claims.release(release.batchId(), release.at());
        } catch (SQLException | RuntimeException e) {
          // The slots stay held until staleAfter has passed: a little slower, never over the limit.
          LOG.log(Level.FINE, "Releasing rate slots failed; they lapse on their own", e);
        }
      }
      flushes.forEach(flush -> flush.done().countDown());
    }
  }

  /** Waits until no request is under way and every outcome is recorded. */
  private void awaitQuiet() {
    try {
      if (!places.tryAcquire(settings.maxInFlight(), settings.requestTimeout().toMillis() * 2 + 1_000,
          TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("Notify requests did not end within twice their timeout");
      }
      places.release(settings.maxInFlight());
      flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void flush() throws InterruptedException {
    Flush flush = new Flush(new CountDownLatch(1));
    outcomes.add(flush);
    if (!flush.done().await(30, TimeUnit.SECONDS)) {
      LOG.warning("Notify outcomes were not recorded within 30 s");
    }
  }

  /** Waits up to {@link #PLACES_WAIT} for {@code wanted} free places (or fewer if that is all it gets). */
  private void awaitPlaces(int wanted) {
    try {
      if (places.tryAcquire(wanted, PLACES_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        places.release(wanted);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String cause(Throwable failure) {
    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
