package org.stpkit.notify.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Sends the outbox to Notify. One pass claims due messages, as many as the rate limit allows across
 * all nodes, sends them on a few threads and records each outcome; a retry first looks the message
 * up by its reference, so a send whose answer was lost is never sent twice. db-scheduler runs the
 * passes on one node at a time (docs/adr/0004).
 */
public final class Dispatcher {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** How the dispatcher paces itself. */
  public record Settings(int rateLimitPerMinute, int batchSize, int maxAttempts, Duration backoffBase,
      Duration backoffMax, Duration staleAfter, Duration statusPollAfter) {}

  private record Claimed(String id, String channel, String templateId, String recipient, String personalisation,
      String reference, int attempts) {}

  private final Outbox outbox;
  private final DataSource dataSource;
  private final NotifyTransport transport;
  private final Settings settings;
  private final Clock clock;
  private final ExecutorService senders;
  private final Transitions transitions;

  public Dispatcher(Outbox outbox, NotifyTransport transport, Settings settings, Clock clock, ExecutorService senders) {
    this.outbox = outbox;
    this.dataSource = outbox.dataSource();
    this.transport = transport;
    this.settings = settings;
    this.clock = clock;
    this.senders = senders;
    this.transitions = new Transitions(outbox, clock);
  }

  /** Passes until nothing is due or the time is up; then polls the statuses of sent messages. */
  public void run(Duration budget) {
    Instant until = clock.instant().plus(budget);
    try {
      recoverStale();
      while (clock.instant().isBefore(until)) {
        int claimed = dispatchOnce();
        if (claimed == 0) {
          break;
        }
      }
      pollStatuses();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Notify dispatch pass failed; it runs again shortly", e);
    }
  }

  /** One pass: claim, send, record. The number of messages claimed. */
  public int dispatchOnce() throws SQLException {
    String batch = UUID.randomUUID().toString();
    List<Claimed> claimed = claim(settings.batchSize(), batch);
    if (claimed.isEmpty()) {
      return 0;
    }
    List<Future<?>> sends = new ArrayList<>();
    for (Claimed message : claimed) {
      sends.add(senders.submit(() -> {
        try {
          process(message);
        } catch (SQLException | RuntimeException e) {
          LOG.log(Level.WARNING, "Recording the outcome of message " + message.id() + " failed; it is retried", e);
        }
      }));
    }
    for (Future<?> send : sends) {
      try {
        send.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.log(Level.WARNING, "A send failed unexpectedly", e.getCause());
      }
    }
    releaseSlotsFromNow(batch);
    return claimed.size();
  }

  /** Messages left SENDING by a node that stopped: their outcome is unknown, so they are looked up before any resend. */
  void recoverStale() throws SQLException {
    Instant now = clock.instant();
    List<String> stale = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT id FROM notify_outbox WHERE status = 'SENDING' AND updated_at < ?")) {
      select.setObject(1, SqlValues.utc(now.minus(settings.staleAfter())));
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          stale.add(result.getString(1));
        }
      }
    }
    for (String id : stale) {
      transitions.transition(id, "SENDING", "RETRYING", now, null, null, null,
          "no answer recorded (the sending node stopped); it is looked up in Notify before any resend");
    }
  }

  private List<Claimed> claim(int want, String batch) throws SQLException {
    Instant now = clock.instant();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int free = lockRateWindow(connection, now);
        List<Claimed> claimed = new ArrayList<>();
        if (free > 0) {
          try (PreparedStatement select = connection.prepareStatement("SELECT id, channel, template_id, recipient,"
              + " personalisation, notify_reference, attempts FROM notify_outbox WHERE status IN ('QUEUED', 'RETRYING')"
              + " AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT ?")) {
            select.setObject(1, SqlValues.utc(now));
            select.setInt(2, Math.min(want, free));
            try (ResultSet result = select.executeQuery()) {
              while (result.next()) {
                claimed.add(new Claimed(result.getString(1), result.getString(2), result.getString(3), result.getString(4),
                    result.getString(5), result.getString(6), result.getInt(7) + 1));
              }
            }
          }
          // A retry may look the message up before sending it: that request counts too.
          int slots = 0;
          List<Claimed> within = new ArrayList<>();
          for (Claimed message : claimed) {
            int cost = message.attempts() > 1 ? 2 : 1;
            if (slots + cost > free) {
              break;
            }
            slots += cost;
            within.add(message);
          }
          claimed = within;
          try (PreparedStatement update = connection.prepareStatement("UPDATE notify_outbox SET status = 'SENDING',"
              + " attempts = attempts + 1, updated_at = ? WHERE id = ? AND status IN ('QUEUED', 'RETRYING')")) {
            for (Claimed message : claimed) {
              update.setObject(1, SqlValues.utc(now));
              update.setString(2, message.id());
              update.addBatch();
            }
            update.executeBatch();
          }
          recordSlots(connection, slots, batch, now);
        }
        connection.commit();
        return claimed;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** Locks the rate window (one row, all nodes) and returns how many requests may still be made this minute. */
  private int lockRateWindow(Connection connection, Instant now) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT name FROM notify_rate_lock WHERE name = 'send' FOR UPDATE")) {
      lock.executeQuery().close();
    }
    try (PreparedStatement prune = connection.prepareStatement("DELETE FROM notify_send_log WHERE sent_at <= ?")) {
      prune.setObject(1, SqlValues.utc(now.minusSeconds(60)));
      prune.executeUpdate();
    }
    try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM notify_send_log");
        ResultSet result = count.executeQuery()) {
      result.next();
      return settings.rateLimitPerMinute() - result.getInt(1);
    }
  }

  /**
   * Takes slots in the rate window. Notify counts a request when it arrives, somewhere between now
   * and the end of the request; until the pass ends a slot is held as if its request arrived as
   * late as it can ({@link #releaseSlotsFromNow}), so a node that dies mid-pass still holds them.
   */
  private void recordSlots(Connection connection, int slots, String batch, Instant now) throws SQLException {
    if (slots == 0) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO notify_send_log (id, sent_at, batch_id) VALUES (?, ?, ?)")) {
      for (int i = 0; i < slots; i++) {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setObject(2, SqlValues.utc(now.plus(settings.staleAfter())));
        insert.setString(3, batch);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Every request of the pass has ended: its slots are held for 60 seconds from now. */
  private void releaseSlotsFromNow(String batch) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE notify_send_log SET sent_at = ? WHERE batch_id = ?")) {
      update.setObject(1, SqlValues.utc(clock.instant()));
      update.setString(2, batch);
      update.executeUpdate();
    }
  }

  private void process(Claimed message) throws SQLException {
    if (message.attempts() > 1) {
      Optional<NotifyTransport.Found> found;
      try {
        found = transport.findByReference(message.reference());
      } catch (IOException e) {
        retryOrFail(message, "could not look the message up in Notify before resending: " + e.getMessage());
        return;
      }
      if (found.isPresent()) {
        transitions.transition(message.id(), "SENDING", "SENT", clock.instant(), found.get().notifyId(), null, null,
            "Notify already had it (found by reference after an unknown outcome); Notify id " + found.get().notifyId());
        return;
      }
    }
    Map<String, Object> personalisation;
    try {
      personalisation = JSON.readValue(message.personalisation(), MAP);
    } catch (IOException e) {
      transitions.transition(message.id(), "SENDING", "FAILED", clock.instant(), null, "StoredDataError",
          "the stored personalisation cannot be read: " + e.getMessage(), "failed: stored personalisation unreadable");
      return;
    }
    NotifyTransport.Outcome outcome = transport.send(message.channel().toLowerCase(Locale.ROOT), message.templateId(),
        message.recipient(), personalisation, message.reference());
    if (outcome instanceof NotifyTransport.Outcome.Accepted accepted) {
      transitions.transition(message.id(), "SENDING", "SENT", clock.instant(), accepted.notifyId(), null, null,
          "Notify id " + accepted.notifyId());
    } else if (outcome instanceof NotifyTransport.Outcome.Refused refused) {
      transitions.transition(message.id(), "SENDING", "FAILED", clock.instant(), null, refused.errorType(), refused.message(),
          "refused by Notify (" + refused.status() + " " + refused.errorType() + "): " + refused.message());
    } else if (outcome instanceof NotifyTransport.Outcome.TryAgain again) {
      retryOrFail(message, again.status() + " " + again.errorType() + ": " + again.message());
    } else {
      retryOrFail(message, "no answer from Notify (" + ((NotifyTransport.Outcome.Unknown) outcome).reason()
          + "); it is looked up by reference before any resend");
    }
  }

  private void retryOrFail(Claimed message, String reason) throws SQLException {
    Instant now = clock.instant();
    if (message.attempts() >= settings.maxAttempts()) {
      transitions.transition(message.id(), "SENDING", "FAILED", now, null, "GaveUp", "after " + message.attempts()
          + " attempts; last: " + reason, "gave up after " + message.attempts() + " attempts: " + reason);
      return;
    }
    long base = settings.backoffBase().toMillis() << Math.min(message.attempts() - 1, 20);
    long capped = Math.min(base, settings.backoffMax().toMillis());
    // Full jitter between half and all of the backoff, so that retries from many messages spread out.
    long delay = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE notify_outbox SET status = 'RETRYING',"
            + " next_attempt_at = ?, failure_message = ?, updated_at = ? WHERE id = ? AND status = 'SENDING'")) {
      update.setObject(1, SqlValues.utc(now.plusMillis(delay)));
      update.setString(2, SqlValues.truncate(reason));
      update.setObject(3, SqlValues.utc(now));
      update.setString(4, message.id());
      if (update.executeUpdate() == 1) {
        outbox.event(connection, message.id(), now, "RETRYING", SqlValues.truncate("attempt " + message.attempts() + ": " + reason
            + "; next in " + Duration.ofMillis(delay).toMillis() + " ms"));
      }
    }
  }

  /** Asks Notify for the status of sent messages not heard of for a while; final ones are recorded. */
  void pollStatuses() throws SQLException {
    Instant now = clock.instant();
    String batch = UUID.randomUUID().toString();
    List<String[]> due = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int free = lockRateWindow(connection, now);
        if (free > 0) {
          try (PreparedStatement select = connection.prepareStatement("SELECT id, notify_id FROM notify_outbox"
              + " WHERE status = 'SENT' AND updated_at < ? ORDER BY updated_at LIMIT ?")) {
            select.setObject(1, SqlValues.utc(now.minus(settings.statusPollAfter())));
            select.setInt(2, Math.min(free, settings.batchSize()));
            try (ResultSet result = select.executeQuery()) {
              while (result.next()) {
                due.add(new String[] {result.getString(1), result.getString(2)});
              }
            }
          }
          recordSlots(connection, due.size(), batch, now);
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
    for (String[] message : due) {
      try {
        NotifyTransport.Found found = transport.status(message[1]);
        transitions.applyStatus(message[0], found.status(), "polled");
      } catch (IOException e) {
        LOG.log(Level.FINE, "Status poll of " + message[1] + " failed; it is polled again", e);
        transitions.touch(message[0]);
      }
    }
    releaseSlotsFromNow(batch);
  }
}
