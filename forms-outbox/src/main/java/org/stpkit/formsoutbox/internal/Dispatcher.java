package org.stpkit.formsoutbox.internal;

import io.github.resilience4j.core.IntervalFunction;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.stpkit.formsoutbox.DeliveryStatus;
import org.stpkit.formsoutbox.spi.DeliveryOutcome;
import org.stpkit.formsoutbox.spi.SubmissionOutput;

/**
 * Delivers the outbox from this instance. A run (one db-scheduler execution, on one instance at a
 * time: docs/adr/0007) claims due deliveries as places free up and hands each to a worker, which
 * calls the output and records the result; a run never waits for an output, so a slow receiver
 * holds only its own deliveries and one of {@code maxInFlight} places.
 */
final class Dispatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  private static final int CLAIM_BATCH = 100;
  private static final Duration HOUSEKEEPING_EVERY = Duration.ofSeconds(1);
  private static final Duration FORGETTING_EVERY = Duration.ofMinutes(10);

  /** How deliveries are paced and retried. */
  record Settings(int maxInFlight, int maxAttempts, Duration backoffInitial, Duration backoffMax, Duration staleAfter,
      Duration retainDelivered) {}

  private final Deliveries deliveries;
  private final Map<Deliveries.Target, SubmissionOutput> outputs;
  private final Settings settings;
  private final Clock clock;
  private final IntervalFunction backoff;
  private final Semaphore places;
  private final ExecutorService workers;
  private volatile boolean open = true;
  private volatile Instant housekeptAt = Instant.EPOCH;
  private volatile Instant forgottenAt = Instant.EPOCH;

  Dispatcher(Deliveries deliveries, Map<Deliveries.Target, SubmissionOutput> outputs, Settings settings, Clock clock) {
    this.deliveries = deliveries;
    this.outputs = Map.copyOf(outputs);
    this.settings = settings;
    this.clock = clock;
    this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.backoffInitial().toMillis(), 2.0, 0.5,
        settings.backoffMax().toMillis());
    this.places = new Semaphore(settings.maxInFlight());
    AtomicInteger count = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(settings.maxInFlight(), task -> {
      Thread thread = new Thread(task, "forms-delivery-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** One run: claims and starts deliveries until none is due or {@code budget} is spent. */
  void run(Duration budget) {
    Instant until = clock.instant().plus(budget);
    try {
      while (open && clock.instant().isBefore(until)) {
        housekeep(false);
        int free = places.availablePermits();
        if (free == 0) {
          awaitPlace();
          continue;
        }
        List<Deliveries.Claimed> claimed = deliveries.claim(Math.min(free, CLAIM_BATCH), clock.instant(), outputs.keySet());
        if (claimed.isEmpty()) {
          return;
        }
        for (Deliveries.Claimed delivery : claimed) {
          places.acquireUninterruptibly();
          workers.execute(() -> {
            try {
              attempt(delivery);
            } finally {
              places.release();
            }
          });
        }
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Submission delivery could not claim deliveries; it tries again shortly", e);
    }
  }

  /** Delivers what is due now, on this thread, until nothing is (tools and tests; in service the scheduler runs {@link #run}). */
  void deliverNow() {
    try {
      housekeep(true);
      List<Deliveries.Claimed> claimed;
      while (!(claimed = deliveries.claim(CLAIM_BATCH, clock.instant(), outputs.keySet())).isEmpty()) {
        claimed.forEach(this::attempt);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Submission delivery could not claim deliveries: " + e.getMessage(), e);
    }
  }

  /** Stops claiming and waits (up to the longest an attempt may take) for the attempts under way. */
  @Override
  public void close() {
    open = false;
    workers.shutdown();
    try {
      if (!workers.awaitTermination(settings.staleAfter().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warning("Submission deliveries still under way at shutdown are tried again by another instance");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Calls the output and records the result, with the output's own writes when it made any. */
  private void attempt(Deliveries.Claimed delivery) {
    SubmissionOutput output = outputs.get(delivery.target());
    try (LazyTransaction transaction = new LazyTransaction(deliveries.dataSource())) {
      DeliveryOutcome outcome;
      try {
        outcome = output.deliver(new AttemptContext(delivery, transaction));
      } catch (RuntimeException e) {
        outcome = DeliveryOutcome.retryLater("the output failed: " + e);
      }
      Deliveries.Result result = result(delivery, outcome);
      Instant now = clock.instant();
      if (result.status() == DeliveryStatus.DELIVERED && transaction.isOpen()) {
        // The output's writes and "delivered" commit together, or neither does.
        if (deliveries.record(transaction.connection(), delivery, result, now)) {
          transaction.commit();
        } else {
          transaction.rollback();
        }
        return;
      }
      transaction.rollback();
      deliveries.record(delivery, result, now);
    } catch (SQLException | RuntimeException e) {
      // Left DELIVERING: once stale it is tried again, with the same idempotency key.
      LOG.log(Level.WARNING, "Recording the delivery of submission " + delivery.submission().reference() + " to "
          + delivery.target().output() + " failed; it is tried again once stale", e);
    }
  }

  private Deliveries.Result result(Deliveries.Claimed delivery, DeliveryOutcome outcome) {
    if (outcome instanceof DeliveryOutcome.Refused refused) {
      return new Deliveries.Result(DeliveryStatus.FAILED, Optional.empty(), Optional.of("refused: " + refused.reason()));
    }
    if (outcome instanceof DeliveryOutcome.RetryLater retry) {
      if (delivery.attempt() >= settings.maxAttempts()) {
        return new Deliveries.Result(DeliveryStatus.FAILED, Optional.empty(),
            Optional.of("gave up after " + delivery.attempt() + " attempts; last: " + retry.reason()));
      }
      long delay = backoff.apply(delivery.attempt());
      return new Deliveries.Result(DeliveryStatus.RETRYING, Optional.of(clock.instant().plusMillis(delay)),
          Optional.of("attempt " + delivery.attempt() + ": " + retry.reason()));
    }
    return new Deliveries.Result(DeliveryStatus.DELIVERED, Optional.empty(), Optional.empty());
  }

  /** At most once a second: deliveries a stopped instance left; every ten minutes, delivered submissions past retention. */
  private void housekeep(boolean now) throws SQLException {
    Instant at = clock.instant();
    if (!now && Duration.between(housekeptAt, at).compareTo(HOUSEKEEPING_EVERY) < 0) {
      return;
    }
    housekeptAt = at;
    int recovered = deliveries.recoverStale(at, settings.staleAfter());
    if (recovered > 0) {
      LOG.info(recovered + " submission deliveries left by a stopped instance are tried again");
    }
    if (now || Duration.between(forgottenAt, at).compareTo(FORGETTING_EVERY) >= 0) {
      forgottenAt = at;
      deliveries.forgetDelivered(at.minus(settings.retainDelivered()));
    }
  }

  private void awaitPlace() {
    try {
      if (places.tryAcquire(50, TimeUnit.MILLISECONDS)) {
        places.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
