package org.stpkit.notify;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.stpkit.notify.internal.MessengerCore;

/**
 * "Case X reached milestone Y": the messages the catalogue says Y sends are checked against the case
 * data and written to a durable outbox, in the caller's transaction when given one, once per case,
 * milestone, message and recipient; nodes with a Notify key send them.
 *
 * <pre>{@code
 * MilestoneMessenger messenger = MilestoneMessenger.builder()
 *     .catalogue(MilestoneCatalogue.load(Path.of("notify-milestones.yaml")))
 *     .dataSource(postgres)
 *     .notify(apiKey, "https://api.notifications.service.gov.uk")
 *     .build();                                 // migrates the outbox, checks the templates
 * messenger.reached("HO-1234", "DECISION_MADE", CaseData.of(caseJson), connection);
 * }</pre>
 */
public final class MilestoneMessenger implements AutoCloseable {
  private final MessengerCore core;

  private MilestoneMessenger(MessengerCore core) {
    this.core = core;
  }

  public static Builder builder() {
    return new Builder();
  }

  public MilestoneCatalogue catalogue() {
    return core.catalogue();
  }

  /**
   * Reaches a milestone in a transaction of its own.
   *
   * @throws InvalidCaseDataException naming every case-data field that cannot make a message; nothing is written
   * @throws NotifyException for a milestone the catalogue does not have, or a database error
   */
  public Reached reached(String caseRef, String milestone, CaseData data) {
    Objects.requireNonNull(caseRef, "caseRef");
    Objects.requireNonNull(milestone, "milestone");
    Objects.requireNonNull(data, "data");
    return core.reached(caseRef, milestone, data);
  }

  /**
   * Reaches a milestone inside the caller's transaction: the messages are sent only if it commits.
   *
   * @throws InvalidCaseDataException naming every case-data field that cannot make a message; nothing is written
   * @throws NotifyException for a milestone the catalogue does not have, or a database error
   */
  public Reached reached(String caseRef, String milestone, CaseData data, Connection transaction) {
    Objects.requireNonNull(caseRef, "caseRef");
    Objects.requireNonNull(milestone, "milestone");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(transaction, "transaction");
    return core.reached(caseRef, milestone, data, transaction);
  }

  /** Every message a case's milestones made, oldest first, with what happened to each. */
  public List<TimelineEntry> timeline(String caseRef) {
    return core.timeline(Objects.requireNonNull(caseRef, "caseRef"));
  }

  /** Counters: messages by status and the age of the oldest still to send. */
  public OutboxStats stats() {
    return core.stats();
  }

  /** Messages that failed for good, oldest first, with Notify's reason. */
  public List<FailedMessage> failedMessages() {
    return core.failedMessages();
  }

  /** Queues failed messages again, after their data or template is fixed; the number re-driven. */
  public int redrive(Collection<String> messageIds) {
    return core.redrive(Objects.requireNonNull(messageIds, "messageIds"));
  }

  /**
   * A delivery receipt from Notify's callback: the message's final status is recorded, once (a
   * receipt Notify sends again changes nothing). False for a reference this outbox does not have.
   */
  public boolean deliveryReceipt(String reference, String notifyStatus) {
    return core.deliveryReceipt(Objects.requireNonNull(reference, "reference"),
        Objects.requireNonNull(notifyStatus, "notifyStatus"));
  }

  /** Text messages people sent to the services' numbers after {@code since}, oldest first (see {@link Builder#onReceivedText}). */
  public List<ReceivedText> receivedTexts(Instant since) {
    return core.receivedTexts(Objects.requireNonNull(since, "since"));
  }

  /** Sends what is due now, on this thread, and records the outcomes (tools and tests; the scheduler does it in service). */
  public void dispatchNow() {
    core.dispatchNow();
  }

  /** Stops dispatching on this node; other nodes carry on. Requests under way end and are recorded first. */
  @Override
  public void close() {
    core.close();
  }

  /** How the messenger is set up. */
  public static final class Builder {
    private @Nullable MilestoneCatalogue catalogue;
    private @Nullable DataSource dataSource;
    private @Nullable Path embeddedDatabase;
    private final Map<String, MessengerCore.NotifyService> services = new LinkedHashMap<>();
    private @Nullable Boolean checkTemplates;
    private @Nullable Boolean dispatch;
    private boolean inBackground = true;
    private Clock clock = Clock.systemUTC();
    private int rateLimitPerMinute = 3_000;
    private int maxAttempts = 8;
    private Duration backoffBase = Duration.ofSeconds(2);
    private Duration backoffMax = Duration.ofMinutes(10);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(15);
    private Duration statusPollAfter = Duration.ofMinutes(5);
    private Duration heartbeat = Duration.ofSeconds(2);
    private int maxInFlight = 128;
    private String nodeName = defaultNodeName();
    private final Map<Channel, QuietHours> quietHours = new EnumMap<>(Map.of(Channel.SMS, QuietHours.textsDefault()));
    private @Nullable Consumer<ReceivedText> receivedTexts;
    private Duration receivedTextsPollEvery = Duration.ofMinutes(1);

    private Builder() {}

    public Builder catalogue(MilestoneCatalogue catalogue) {
      this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
      return this;
    }

    /** The outbox database (PostgreSQL in production, pooled). */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Without a data source: an embedded H2 database in this file (its name without {@code .mv.db}).
     * With neither, the outbox is in memory, and lost when the JVM stops; a warning says so.
     */
    public Builder embeddedDatabase(Path file) {
      this.embeddedDatabase = Objects.requireNonNull(file, "file");
      return this;
    }

    /** The default Notify service: its API key and base URL, for the template check at start-up and for sending. */
    public Builder notify(String apiKey, String baseUrl) {
      return notifyService("", apiKey, baseUrl);
    }

    /**
     * Another Notify service, by the name catalogues give it ({@code service: immigration}): each
     * has its own key, templates and rate limit.
     */
    public Builder notifyService(String name, String apiKey, String baseUrl) {
      Objects.requireNonNull(name, "name");
      services.put(name, new MessengerCore.NotifyService(Objects.requireNonNull(apiKey, "apiKey"),
          Objects.requireNonNull(baseUrl, "baseUrl")));
      return this;
    }

    /** Whether {@link #build()} checks every template against Notify (default: when a key is configured). */
    public Builder checkTemplatesAtStartup(boolean check) {
      this.checkTemplates = check;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Whether this node sends the outbox (default: when a key is configured). Any number of nodes may. */
    public Builder dispatch(boolean dispatch) {
      this.dispatch = dispatch;
      return this;
    }

    /**
     * Whether dispatching runs in the background on the scheduler (default) or only when
     * {@link MilestoneMessenger#dispatchNow()} is called (tools, tests).
     */
    public Builder dispatchInBackground(boolean inBackground) {
      this.inBackground = inBackground;
      return this;
    }

    /** Requests per minute to each Notify service from all nodes together (default 3,000, Notify's limit per key). */
    public Builder rateLimitPerMinute(int limit) {
      this.rateLimitPerMinute = positive(limit, "rateLimitPerMinute");
      return this;
    }

    /** Attempts before a message that keeps failing with 429, 5xx or no answer is failed (default 8). */
    public Builder maxAttempts(int attempts) {
      this.maxAttempts = positive(attempts, "maxAttempts");
      return this;
    }

    /** The first retry's delay, doubled each time up to {@code max}, give or take half (default 2 s, 10 min). */
    public Builder backoff(Duration base, Duration max) {
      this.backoffBase = Objects.requireNonNull(base, "base");
      this.backoffMax = Objects.requireNonNull(max, "max");
      return this;
    }

    /** Connect and whole-request timeouts for calls to Notify (default 5 s and 15 s). */
    public Builder timeouts(Duration connect, Duration request) {
      this.connectTimeout = Objects.requireNonNull(connect, "connect");
      this.requestTimeout = Objects.requireNonNull(request, "request");
      return this;
    }

    /** How long after sending, without a receipt, a message's status is polled (default 5 minutes). */
    public Builder statusPollAfter(Duration after) {
      this.statusPollAfter = Objects.requireNonNull(after, "after");
      return this;
    }

    /**
     * How often this node tells the others it is alive (default 2 s). A node silent for four
     * heartbeats has its dispatch taken over; the README gives the whole bound.
     */
    public Builder heartbeat(Duration interval) {
      this.heartbeat = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * Requests to Notify under way at once on this node (default 128). A request that gets no
     * answer holds one place until its timeout, so allow for the rate you send at times the
     * request timeout times the share of requests that may hang.
     */
    public Builder maxInFlight(int requests) {
      this.maxInFlight = positive(requests, "maxInFlight");
      return this;
    }

    /** This node's name in the scheduler table (default: host name and process id). */
    public Builder nodeName(String name) {
      this.nodeName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Hours (UK time) when a channel's non-urgent messages wait (default: texts 21:00 to 08:00; emails and letters any time). */
    public Builder quietHours(Channel channel, QuietHours hours) {
      quietHours.put(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(hours, "hours"));
      return this;
    }

    /** A channel's messages go at any hour. */
    public Builder noQuietHours(Channel channel) {
      quietHours.remove(Objects.requireNonNull(channel, "channel"));
      return this;
    }

    /**
     * Reads the text messages people send to each service's number from Notify (every minute by
     * default) and hands each new one to {@code handler} on the dispatching node: at least once, so
     * make it safe to repeat. They are kept for {@link MilestoneMessenger#receivedTexts}.
     */
    public Builder onReceivedText(Consumer<ReceivedText> handler) {
      this.receivedTexts = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** How often received text messages are read from Notify (default 1 minute). */
    public Builder receivedTextsPollEvery(Duration every) {
      this.receivedTextsPollEvery = Objects.requireNonNull(every, "every");
      return this;
    }

    /**
     * Migrates the outbox, checks the templates (when a key is configured) and starts dispatching
     * (likewise).
     *
     * @throws InvalidCatalogueException listing every template problem, or services the catalogue names without a key
     */
    public MilestoneMessenger build() {
      if (catalogue == null) {
        throw new IllegalStateException("A MilestoneMessenger needs a catalogue");
      }
      return new MilestoneMessenger(MessengerCore.assemble(new MessengerCore.Config(catalogue,
          Optional.ofNullable(dataSource), Optional.ofNullable(embeddedDatabase), services,
          Optional.ofNullable(checkTemplates), Optional.ofNullable(dispatch), inBackground, clock, rateLimitPerMinute,
          maxAttempts, backoffBase, backoffMax, connectTimeout, requestTimeout, statusPollAfter, heartbeat, maxInFlight,
          nodeName, quietHours, Optional.ofNullable(receivedTexts), receivedTextsPollEvery)));
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }

    private static String defaultNodeName() {
      try {
        return java.net.InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
      } catch (java.net.UnknownHostException e) {
        return "node-" + ProcessHandle.current().pid();
      }
    }
  }
}
