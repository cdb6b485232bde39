package org.stpkit.notify.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.stpkit.notify.Channel;
import org.stpkit.notify.OutboxStatus;
import org.stpkit.notify.Priority;

/**
 * Claims work under the shared rate window: due messages to send, sent messages whose status is
 * due a poll, and messages a stopped node left {@code SENDING}. Every claim locks one row, so the
 * claims of all nodes are taken one after another and together never exceed Notify's limit
 * (docs/adr/0004).
 *
 * <p>Each claim records how many requests it may make, per Notify service, in {@code
 * notify_send_log}. Notify counts a request when it arrives, some time before the request ends, so
 * until the claim's last request has ended its slots count as if made as late as they could be
 * ({@code staleAfter} from now); then they count from when that last request ended ({@link
 * #release}). A node that dies mid-claim thus still holds its slots.
 */
public final class Claims {
  private static final String DUE_COLUMNS = "o.id, o.channel, o.service, o.template_id, o.recipient, o.personalisation,"
      + " o.notify_reference, o.attempts, o.email_reply_to_id, o.sms_sender_id, o.unsubscribe_url, o.postage,"
      + " (SELECT COUNT(*) FROM notify_attachment a WHERE a.message_id = o.id), o.not_created_attempt,"
      + " o.attempted_before_redrive, o.notify_id";

  private final DataSource dataSource;
  private final int rateLimitPerMinute;
  private final Duration staleAfter;
  private final Set<String> services;
  private volatile Instant prunedAt = Instant.EPOCH;

  /** A claim: its messages (or polls) and the id its rate slots are held under. */
  public record Claim<T>(String batchId, List<T> items, boolean rateLimited) {
    public boolean isEmpty() {
      return items.isEmpty();
    }
  }

  /** A sent message whose status is due a poll. */
  public record Poll(String id, String notifyId, String service) {}

  /**
   * @param services the Notify services this node can send for ({@code ""} is the default); rows
   *     for others are left for a node that has their keys
   */
  public Claims(DataSource dataSource, int rateLimitPerMinute, Duration staleAfter, Set<String> services) {
    this.dataSource = dataSource;
    this.rateLimitPerMinute = rateLimitPerMinute;
    this.staleAfter = staleAfter;
    this.services = Set.copyOf(services);
  }

  /**
   * Claims up to {@code max} messages due by {@code dueBy}, urgent first and then in order of when
   * each fell due (retries included), skipping non-urgent messages on channels in quiet hours.
   */
  public Claim<Claimed> due(int max, Instant now, Instant dueBy, Set<Channel> quiet) throws SQLException {
    String batch = UUID.randomUUID().toString();
    return InTransaction.run(dataSource, connection -> {
      Map<String, Integer> free = lockAndCountFree(connection, now);
      List<String> open = free.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted().toList();
      if (open.isEmpty()) {
        return new Claim<Claimed>(batch, List.of(), true);
      }
      List<Row> rows = selectDue(connection, dueBy, Math.min(max, free.values().stream().mapToInt(i -> i).sum()), open, quiet);
      // A retry that looks the message up before sending it makes two requests: both count.
      Map<String, Integer> used = new HashMap<>();
      List<Row> within = new ArrayList<>();
      for (Row row : rows) {
        int cost = row.lookUpFirst() ? 2 : 1;
        int left = free.get(row.service()) - used.getOrDefault(row.service(), 0);
        if (cost <= left) {
          used.merge(row.service(), cost, Integer::sum);
          within.add(row);
        }
      }
      markSending(connection, within, now);
      Map<String, List<Claimed.File>> files = files(connection, within);
      recordSlots(connection, batch, used, now);
      List<Claimed> claimed = within.stream().map(row -> row.claimed(files.getOrDefault(row.id(), List.of()))).toList();
      return new Claim<>(batch, claimed, rows.size() > within.size());
    });
  }

  /** Claims up to {@code max} sent messages not heard of for {@code pollAfter}, oldest first. */
  public Claim<Poll> statusPolls(int max, Instant now, Duration pollAfter) throws SQLException {
    String batch = UUID.randomUUID().toString();
    return InTransaction.run(dataSource, connection -> {
      Map<String, Integer> free = lockAndCountFree(connection, now);
      List<Poll> polls = new ArrayList<>();
      Map<String, Integer> used = new HashMap<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT id, notify_id, service FROM notify_outbox"
          + " WHERE status = 'SENT' AND updated_at < ? ORDER BY updated_at LIMIT ?")) {
        select.setObject(1, SqlValues.utc(now.minus(pollAfter)));
        select.setInt(2, max);
        try (ResultSet result = select.executeQuery()) {
          while (result.next()) {
            String service = result.getString(3);
            if (free.getOrDefault(service, 0) > used.getOrDefault(service, 0)) {
              used.merge(service, 1, Integer::sum);
              polls.add(new Poll(result.getString(1), result.getString(2), service));
            }
          }
        }
      }
      // Claimed by moving its clock: no other poll takes it until pollAfter has passed again.
      try (PreparedStatement touch = connection.prepareStatement(
          "UPDATE notify_outbox SET updated_at = ? WHERE id = ? AND status = 'SENT'")) {
        for (Poll poll : polls) {
          touch.setObject(1, SqlValues.utc(now));
          touch.setString(2, poll.id());
          touch.addBatch();
        }
        if (!polls.isEmpty()) {
          touch.executeBatch();
        }
      }
      recordSlots(connection, batch, used, now);
      return new Claim<>(batch, polls, false);
    });
  }

  /** Takes {@code slots} requests' worth of one service's window, or nothing when it is full; the batch id to release. */
  public Optional<String> reserve(String service, int slots, Instant now) throws SQLException {
    String batch = UUID.randomUUID().toString();
    return InTransaction.run(dataSource, connection -> {
      boolean room = lockAndCountFree(connection, now).getOrDefault(service, 0) >= slots;
      if (room) {
      recordSlots(connection, batch, Map.of(service, slots), now);
      }
      return room ? Optional.of(batch) : Optional.<String>empty();
    });
  }

  /** Messages left SENDING longer than any request of theirs can take: their node stopped. */
  public List<String> stale(Instant now) throws SQLException {
    List<String> stale = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT id FROM notify_outbox WHERE status = 'SENDING' AND updated_at < ?")) {
      select.setObject(1, SqlValues.utc(now.minus(staleAfter)));
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          stale.add(result.getString(1));
        }
      }
    }
    return stale;
  }

  /** Every request of a claim has ended: its slots count from now, for 60 seconds. */
  public void release(String batch, Instant at) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement("UPDATE notify_send_log SET sent_at = ? WHERE batch_id = ?")) {
      update.setObject(1, SqlValues.utc(at));
      update.setString(2, batch);
      update.executeUpdate();
    }
  }

  /** Locks the rate window (one row, all nodes) and returns, per service, how many requests may still be made. */
  private Map<String, Integer> lockAndCountFree(Connection connection, Instant now) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT name FROM notify_rate_lock WHERE name = 'send' FOR UPDATE")) {
      lock.executeQuery().close();
    }
    if (Duration.between(prunedAt, now).getSeconds() >= 1) {
      try (PreparedStatement prune = connection.prepareStatement("DELETE FROM notify_send_log WHERE sent_at <= ?")) {
        prune.setObject(1, SqlValues.utc(now.minusSeconds(60)));
        prune.executeUpdate();
      }
      prunedAt = now;
    }
    Map<String, Integer> free = new LinkedHashMap<>();
    services.forEach(service -> free.put(service, rateLimitPerMinute));
    try (PreparedStatement count = connection.prepareStatement(
        "SELECT service, SUM(slots) FROM notify_send_log WHERE sent_at > ? GROUP BY service")) {
      count.setObject(1, SqlValues.utc(now.minusSeconds(60)));
      try (ResultSet result = count.executeQuery()) {
        while (result.next()) {
          int taken = result.getInt(2);
          free.computeIfPresent(result.getString(1), (service, limit) -> Math.max(0, limit - taken));
        }
      }
    }
    return free;
  }

  private List<Row> selectDue(Connection connection, Instant dueBy, int limit, List<String> open, Set<Channel> quiet)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + DUE_COLUMNS + " FROM notify_outbox o WHERE o.next_attempt_at <= ?");
    // Only services this node has keys for, and whose window has room.
    sql.append(" AND o.service IN (").append(open.stream().map(s -> "?").collect(Collectors.joining(", "))).append(")");
    if (!quiet.isEmpty()) {
      // Urgent messages are not held by quiet hours.
      sql.append(" AND (o.priority = ").append(Priority.URGENT.ordinal()).append(" OR o.channel NOT IN (")
          .append(quiet.stream().map(c -> "?").collect(Collectors.joining(", "))).append("))");
    }
    sql.append(" ORDER BY o.priority, o.next_attempt_at LIMIT ?");
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
      int at = 1;
      select.setObject(at++, SqlValues.utc(dueBy));
      for (String service : open) {
        select.setString(at++, service);
      }
      for (Channel channel : quiet) {
        select.setString(at++, channel.name());
      }
      select.setInt(at, limit);
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          int attempts = result.getInt(8);
          rows.add(new Row(result.getString(1), Channel.valueOf(result.getString(2)), result.getString(3),
              Optional.ofNullable(result.getString(4)), result.getString(5), result.getString(6), result.getString(7),
              attempts, lookUpFirst(attempts, result.getObject(14, Integer.class), result.getBoolean(15)),
              Optional.ofNullable(result.getString(16)), Optional.ofNullable(result.getString(9)),
              Optional.ofNullable(result.getString(10)), Optional.ofNullable(result.getString(11)),
              Optional.ofNullable(result.getString(12)), result.getInt(13) > 0));
        }
      }
    }
    return rows;
  }

  /**
   * Whether the attempt after {@code attempts} looks the message up first: every retry does, unless
   * the attempt just made is the one Notify refused without creating the message. A NULL (rows from
   * before the column, or any change but such a refusal) or an older attempt's number looks up.
   * With no attempts yet, only a message attempted before an operator's redrive looks up: a send
   * before it may have reached Notify with its answer lost (see {@link OutboxQueries#redrive}).
   */
  private static boolean lookUpFirst(int attempts, @Nullable Integer notCreatedAttempt,
      boolean attemptedBeforeRedrive) {
    if (attempts == 0) {
      return attemptedBeforeRedrive;
    }
    return notCreatedAttempt == null || notCreatedAttempt != attempts;
  }

  private static void markSending(Connection connection, List<Row> rows, Instant now) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    String set = "UPDATE notify_outbox SET status = '" + OutboxStatus.SENDING + "', attempts = attempts + 1,"
        + " next_attempt_at = NULL, updated_at = ?";
    if (SqlValues.isPostgres(connection)) {
      // One statement for the whole claim rather than one a message.
      try (PreparedStatement update = connection.prepareStatement(set
          + " WHERE id = ANY(?::text[]) AND status IN ('QUEUED', 'RETRYING')")) {
        update.setObject(1, SqlValues.utc(now));
        update.setArray(2, connection.createArrayOf("text", rows.stream().map(Row::id).toArray(String[]::new)));
        update.executeUpdate();
      }
      return;
    }
    try (PreparedStatement update = connection.prepareStatement(set + " WHERE id = ? AND status IN ('QUEUED', 'RETRYING')")) {
      for (Row row : rows) {
        update.setObject(1, SqlValues.utc(now));
        update.setString(2, row.id());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  private static Map<String, List<Claimed.File>> files(Connection connection, List<Row> rows) throws SQLException {
    Map<String, List<Claimed.File>> files = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT placeholder, filename, content,"
        + " confirm_email_before_download, retention_weeks FROM notify_attachment WHERE message_id = ? ORDER BY placeholder")) {
      for (Row row : rows) {
        if (!row.hasFiles()) {
          continue;
        }
        select.setString(1, row.id());
        try (ResultSet result = select.executeQuery()) {
          while (result.next()) {
            files.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(new Claimed.File(result.getString(1),
                result.getString(2), result.getBytes(3), result.getBoolean(4), result.getInt(5)));
          }
        }
      }
    }
    return files;
  }

  private void recordSlots(Connection connection, String batch, Map<String, Integer> used, Instant now)
      throws SQLException {
    if (used.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO notify_send_log (id, sent_at, batch_id, slots, service) VALUES (?, ?, ?, ?, ?)")) {
      for (Map.Entry<String, Integer> slots : used.entrySet()) {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setObject(2, SqlValues.utc(now.plus(staleAfter)));
        insert.setString(3, batch);
        insert.setInt(4, slots.getValue());
        insert.setString(5, slots.getKey());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * A due message as selected, before its attempt is counted. {@code undeliveredNotifyId}: a due
   * message has a Notify id only when an operator redrove it after Notify failed to deliver it.
   */
  private record Row(String id, Channel channel, String service, Optional<String> templateId, String recipient,
      String personalisation, String reference, int attempts, boolean lookUpFirst, Optional<String> undeliveredNotifyId,
      Optional<String> replyTo, Optional<String> sender, Optional<String> unsubscribe, Optional<String> postage,
      boolean hasFiles) {
    Claimed claimed(List<Claimed.File> files) {
      return new Claimed(id, channel, service, templateId, recipient, personalisation, reference, attempts + 1,
          lookUpFirst, undeliveredNotifyId, replyTo, sender, unsubscribe, postage, files);
    }
  }
}
