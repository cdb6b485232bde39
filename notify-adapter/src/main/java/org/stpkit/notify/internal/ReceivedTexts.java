package org.stpkit.notify.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.stpkit.notify.ReceivedText;

/**
 * Text messages people send to a service's number: read from Notify page by page (newest first)
 * until one already stored, stored once each, then handed to the service's handler. A text is
 * marked handled after its handler returns, so a node that stops in between hands it over again:
 * at least once.
 */
final class ReceivedTexts {
  private static final Logger LOG = Logger.getLogger(ReceivedTexts.class.getName());

  private final DataSource dataSource;
  private final Claims claims;
  private final Map<String, NotifyTransport> transports;
  private final Consumer<ReceivedText> handler;
  private final Duration every;
  private final Clock clock;
  private volatile Instant polledAt = Instant.EPOCH;

  ReceivedTexts(DataSource dataSource, Claims claims, Map<String, NotifyTransport> transports,
      Consumer<ReceivedText> handler, Duration every, Clock clock) {
    this.dataSource = dataSource;
    this.claims = claims;
    this.transports = Map.copyOf(transports);
    this.handler = handler;
    this.every = every;
    this.clock = clock;
  }

  /** Polls when {@code every} has passed since the last poll. */
  void pollIfDue(Instant now) {
    if (Duration.between(polledAt, now).compareTo(every) >= 0) {
      pollNow(now);
    }
  }

  void pollNow(Instant now) {
    polledAt = now;
    transports.forEach((service, transport) -> {
      try {
        store(service, transport, now);
        handOver();
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.WARNING, "Reading received text messages of Notify service '" + service
            + "' failed; it is tried again at the next poll", e);
      }
    });
  }

  private void store(String service, NotifyTransport transport, Instant now) throws SQLException {
    Optional<String> olderThan = Optional.empty();
    while (true) {
      // Each page is a request to Notify, counted in the rate window like any other.
      Optional<String> slot = claims.reserve(service, 1, now);
      if (slot.isEmpty()) {
        return;
      }
      List<NotifyTransport.ReceivedText> page;
      try {
        page = transport.receivedTexts(olderThan).join();
      } finally {
        // The rate window is kept on the messenger's clock, like every other slot.
        claims.release(slot.get(), clock.instant());
      }
      if (page.isEmpty()) {
        return;
      }
      for (NotifyTransport.ReceivedText text : page) {
        if (!insert(service, text)) {
          return;
        }
      }
      olderThan = Optional.of(page.get(page.size() - 1).id());
    }
  }

  /** Stores a text; false when it was stored before (everything older was too). */
  private boolean insert(String service, NotifyTransport.ReceivedText text) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM notify_received_text WHERE id = ?")) {
      exists.setString(1, text.id());
      try (ResultSet result = exists.executeQuery()) {
        if (result.next()) {
          return false;
        }
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notify_received_text (id, service,"
          + " user_number, notify_number, content, received_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, text.id());
        insert.setString(2, service);
        insert.setString(3, text.userNumber());
        insert.setString(4, text.notifyNumber());
        insert.setString(5, SqlValues.truncate(text.content()));
        insert.setObject(6, SqlValues.utc(text.createdAt()));
        insert.executeUpdate();
      }
    }
    return true;
  }

  private void handOver() throws SQLException {
    List<ReceivedText> unhandled = select(dataSource, "WHERE handled = FALSE", null);
    for (ReceivedText text : unhandled) {
      handler.accept(text);
      try (Connection connection = dataSource.getConnection();
          PreparedStatement update = connection.prepareStatement("UPDATE notify_received_text SET handled = TRUE WHERE id = ?")) {
        update.setString(1, text.id());
        update.executeUpdate();
      }
    }
  }

  /** Stored texts received after {@code since}, oldest first. */
  static List<ReceivedText> stored(DataSource dataSource, Instant since) throws SQLException {
    return select(dataSource, "WHERE received_at > ?", since);
  }

  private static List<ReceivedText> select(DataSource dataSource, String where, Instant since) throws SQLException {
    List<ReceivedText> texts = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT id, service, user_number, notify_number, content,"
            + " received_at FROM notify_received_text " + where + " ORDER BY received_at, id")) {
      if (since != null) {
        select.setObject(1, SqlValues.utc(since));
      }
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          texts.add(new ReceivedText(result.getString(1), result.getString(2), result.getString(3),
              String.valueOf(result.getString(4)), result.getString(5),
              SqlValues.instant(result.getObject(6, LocalDateTime.class))));
        }
      }
    }
    return texts;
  }
}
