package org.stpkit.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.stpkit.notify.internal.Dispatcher;
import org.stpkit.notify.internal.Operations;
import org.stpkit.notify.internal.NotifyTransport;
import org.stpkit.notify.internal.Outbox;
import org.stpkit.notify.internal.Transitions;
import org.stpkit.notify.internal.Recipients;
import org.stpkit.notify.internal.TemplateCheck;
import uk.gov.service.notify.NotificationClient;

/**
 * "Case X reached milestone Y": the messages the catalogue says Y sends are checked against the case
 * data and written to a durable outbox, in the caller's transaction when given one, once per case,
 * milestone, message and recipient.
 *
 * <pre>{@code
 * MilestoneMessenger messenger = MilestoneMessenger.builder()
 *     .catalogue(MilestoneCatalogue.load(Path.of("notify-milestones.yaml")))
 *     .dataSource(postgres)                     // default: an embedded H2 file
 *     .notify(apiKey, "https://api.notifications.service.gov.uk")
 *     .build();                                 // migrates the outbox, checks the templates
 * messenger.reached("HO-1234", "DECISION_MADE", CaseData.of(caseJson), connection);
 * }</pre>
 */
public final class MilestoneMessenger implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MilestoneCatalogue catalogue;
  private final Outbox outbox;
  private final NotifyOperations operations;
  private final Operations lookups;
  private final Transitions transitions;
  private final Clock clock;
  private final Optional<Dispatcher> dispatcher;
  private final Optional<Scheduler> scheduler;
  private final Optional<ExecutorService> senders;

  private MilestoneMessenger(Builder builder, Outbox outbox, Optional<Dispatcher> dispatcher,
      Optional<Scheduler> scheduler, Optional<ExecutorService> senders) {
    this.catalogue = builder.catalogue;
    this.outbox = outbox;
    this.operations = NotifyOperations.on(outbox, builder.clock);
    this.lookups = new Operations(outbox);
    this.transitions = new Transitions(outbox, builder.clock);
    this.clock = builder.clock;
    this.dispatcher = dispatcher;
    this.scheduler = scheduler;
    this.senders = senders;
  }

  /** Stops dispatching on this node; other nodes carry on. Messages already claimed finish first. */
  @Override
  public void close() {
    scheduler.ifPresent(Scheduler::stop);
    senders.ifPresent(ExecutorService::shutdown);
  }

  /** Counters: messages by status and the age of the oldest still to send. */
  public OutboxStats stats() {
    return operations.stats();
  }

  /** Messages that failed for good, oldest first, with Notify's reason. */
  public List<FailedMessage> failedMessages() {
    return operations.failedMessages();
  }

  /** Queues failed messages again, after their data or template is fixed; the number re-driven. */
  public int redrive(java.util.Collection<String> messageIds) {
    return operations.redrive(messageIds);
  }

  /**
   * A delivery receipt from Notify's callback: the message's final status is recorded, once (a
   * receipt Notify sends again changes nothing). False for a reference this outbox does not have.
   */
  public boolean deliveryReceipt(String reference, String notifyStatus) {
    try {
      Optional<String> id = lookups.idByReference(reference);
      if (id.isEmpty()) {
        return false;
      }
      transitions.applyStatus(id.get(), notifyStatus, "delivery receipt");
      return true;
    } catch (SQLException e) {
      throw new NotifyException("Cannot record the delivery receipt for " + reference + ": " + e.getMessage(), e);
    }
  }

  /** Sends what is due now, on this thread (tests and tools; the scheduler does it in service). */
  public void dispatchNow() {
    dispatcher.orElseThrow(() -> new NotifyException("This messenger does not dispatch: configure notify(apiKey, baseUrl)"))
        .run(Duration.ofSeconds(30));
  }


  public static Builder builder() {
    return new Builder();
  }

  public MilestoneCatalogue catalogue() {
    return catalogue;
  }

  /** Reaches a milestone in a transaction of its own. */
  public Reached reached(String caseRef, String milestone, CaseData data) {
    try (Connection connection = outbox.dataSource().getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        Reached reached = reached(caseRef, milestone, data, connection);
        connection.commit();
        return reached;
      } catch (RuntimeException | SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new NotifyException("Cannot write case " + caseRef + "'s " + milestone + " messages to the outbox: "
          + e.getMessage(), e);
    }
  }

  /**
   * Reaches a milestone inside the caller's transaction: the messages are sent only if it commits.
   *
   * @throws InvalidCaseDataException naming every case-data field that cannot make a message; nothing is written
   * @throws NotifyException for a milestone the catalogue does not have, or a database error
   */
  public Reached reached(String caseRef, String milestone, CaseData data, Connection transaction) {
    Objects.requireNonNull(caseRef, "caseRef");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(transaction, "transaction");
    Milestone spec = catalogue.milestone(milestone).orElseThrow(() -> new NotifyException(
        "Unknown milestone '" + milestone + "'; the catalogue has " + String.join(", ", catalogue.milestones().keySet())));
    List<Problem> problems = new ArrayList<>();
    List<Outbox.Row> rows = new ArrayList<>();
    List<String> notApplicable = new ArrayList<>();
    for (MessageSpec message : spec.messages()) {
      if (!message.appliesTo(data)) {
        notApplicable.add(message.name());
        continue;
      }
      prepare(caseRef, milestone, message, data, problems).ifPresent(rows::add);
    }
    if (!problems.isEmpty()) {
      throw new InvalidCaseDataException(caseRef, milestone, problems);
    }
    Instant now = clock.instant();
    List<QueuedMessage> queued = new ArrayList<>();
    List<String> alreadyQueued = new ArrayList<>();
    try {
      for (Outbox.Row row : rows) {
        if (outbox.insert(transaction, row, now)) {
          queued.add(new QueuedMessage(row.id(), row.messageName(), Channel.valueOf(row.channel()), row.templateId(),
              row.notifyReference(), row.recipient()));
        } else {
          alreadyQueued.add(row.messageName());
        }
      }
    } catch (SQLException e) {
      throw new NotifyException("Cannot write case " + caseRef + "'s " + milestone + " messages to the outbox: "
          + e.getMessage(), e);
    }
    return new Reached(caseRef, milestone, queued, alreadyQueued, notApplicable);
  }

  /** Every message a case's milestones made, oldest first, with what happened to each. */
  public List<TimelineEntry> timeline(String caseRef) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (Outbox.TimelineRow row : outbox.timeline(caseRef)) {
      List<TimelineEntry.Event> events = new ArrayList<>();
      row.events().forEach(event -> events.add(new TimelineEntry.Event(event.at(), event.status(), event.detail())));
      entries.add(new TimelineEntry(row.milestone(), row.messageName(), Channel.valueOf(row.channel()),
          row.notifyReference(), row.status(), row.notifyId(), row.failure(), row.createdAt(), events));
    }
    return entries;
  }

  /** The outbox row for a message, or the problems that stop it. */
  private Optional<Outbox.Row> prepare(String caseRef, String milestone, MessageSpec message, CaseData data,
      List<Problem> problems) {
    Optional<Channel> channel = message.channels().stream()
        .filter(candidate -> data.at(message.recipients().get(candidate)).filter(v -> !v.toString().isBlank()).isPresent())
        .findFirst();
    if (channel.isEmpty()) {
      List<String> paths = new ArrayList<>();
      message.channels().forEach(candidate -> paths.add(message.recipients().get(candidate)));
      problems.add(new Problem(String.join(" or ", paths), "no recipient for message '" + message.name()
          + "': the case data has none of " + String.join(", ", paths)));
      return Optional.empty();
    }
    String recipientPath = message.recipients().get(channel.get());
    Object recipientValue = data.at(recipientPath).orElseThrow();
    Recipients.Checked recipient = switch (channel.get()) {
      case EMAIL -> Recipients.email(recipientValue);
      case SMS -> Recipients.ukMobile(recipientValue);
      case LETTER -> Recipients.letterAddress(recipientValue);
    };
    if (recipient.problem().isPresent()) {
      problems.add(new Problem(recipientPath, recipient.problem().get()));
      return Optional.empty();
    }
    Map<String, Object> personalisation = new LinkedHashMap<>();
    boolean complete = true;
    for (Map.Entry<String, String> binding : message.personalisation().entrySet()) {
      Optional<Object> value = binding.getValue().equals(MilestoneCatalogue.CASE_REF) ? Optional.of(caseRef)
          : data.at(binding.getValue());
      if (value.isEmpty() || value.get().toString().isBlank()) {
        problems.add(new Problem(binding.getValue(), "missing; message '" + message.name() + "' needs it for (("
            + binding.getKey() + "))"));
        complete = false;
        continue;
      }
      personalisation.put(binding.getKey(), plain(value.get()));
    }
    if (!complete) {
      return Optional.empty();
    }
    String recipientText;
    String recipientKey;
    if (channel.get() == Channel.LETTER) {
      @SuppressWarnings("unchecked")
      List<String> lines = (List<String>) recipient.value().orElseThrow();
      for (int i = 0; i < lines.size(); i++) {
        personalisation.put("address_line_" + (i + 1), lines.get(i));
      }
      recipientText = lines.get(0);
      recipientKey = "letter:" + String.join("|", lines).toLowerCase(Locale.ROOT);
    } else {
      recipientText = recipient.value().orElseThrow().toString();
      recipientKey = channel.get().apiName() + ":" + recipientText.toLowerCase(Locale.ROOT);
    }
    String id = UUID.randomUUID().toString();
    String json;
    try {
      json = JSON.writeValueAsString(personalisation);
    } catch (JsonProcessingException e) {
      throw new NotifyException("Cannot write the personalisation of message '" + message.name() + "'", e);
    }
    return Optional.of(new Outbox.Row(id, caseRef, milestone, message.name(), recipientKey, channel.get().name(),
        message.templateIds().get(channel.get()), recipientText, json, "stp-" + id));
  }

  /** A case-data value as Notify personalisation: text, or a list of text (shown as a bulleted list). */
  private static Object plain(Object value) {
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(item -> items.add(String.valueOf(item)));
      return items;
    }
    return value.toString();
  }

  /** How the messenger is set up. */
  public static final class Builder {
    private @Nullable MilestoneCatalogue catalogue;
    private @Nullable DataSource dataSource;
    private Path embeddedDatabase = Path.of("stp-notify-outbox");
    private @Nullable String apiKey;
    private String baseUrl = "https://api.notifications.service.gov.uk";
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
    private Duration heartbeat = Duration.ofSeconds(5);
    private int threads = 8;
    private String nodeName = defaultNodeName();

    private Builder() {}

    public Builder catalogue(MilestoneCatalogue catalogue) {
      this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
      return this;
    }

    /** The outbox database (PostgreSQL in production). Default: an embedded H2 file, {@link #embeddedDatabase(Path)}. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /** Where the embedded H2 outbox is kept when no data source is given (default {@code ./stp-notify-outbox}). */
    public Builder embeddedDatabase(Path file) {
      this.embeddedDatabase = Objects.requireNonNull(file, "file");
      return this;
    }

    /** The Notify API key and base URL, for the template check at start-up and for sending. */
    public Builder notify(String apiKey, String baseUrl) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
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

    /** Requests per minute to Notify from all nodes together (default 3,000, Notify's limit per key). */
    public Builder rateLimitPerMinute(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("rateLimitPerMinute must be positive: " + limit);
      }
      this.rateLimitPerMinute = limit;
      return this;
    }

    /** Attempts before a message that keeps failing with 429, 5xx or no answer is failed (default 8). */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be positive: " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /** The first retry's delay, doubled each time up to {@code max}, with jitter (default 2 s, 10 min). */
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
     * How often this node tells the others it is alive (default 5 s); a node silent for four
     * heartbeats has its dispatch taken over.
     */
    public Builder heartbeat(Duration interval) {
      this.heartbeat = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /** Concurrent sends on this node (default 8). */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** This node's name in the scheduler table (default: host name and process id). */
    public Builder nodeName(String name) {
      this.nodeName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Migrates the outbox and, when set, checks the templates.
     *
     * @throws InvalidCatalogueException listing every template problem
     */
    public MilestoneMessenger build() {
      if (catalogue == null) {
        throw new IllegalStateException("A MilestoneMessenger needs a catalogue");
      }
      DataSource database = dataSource != null ? dataSource : embedded(embeddedDatabase);
      Outbox outbox = new Outbox(database);
      outbox.migrate();
      boolean check = checkTemplates != null ? checkTemplates : apiKey != null;
      if (check) {
        if (apiKey == null) {
          throw new IllegalStateException("Checking templates needs notify(apiKey, baseUrl)");
        }
        List<Problem> problems = TemplateCheck.check(catalogue, new NotificationClient(apiKey, baseUrl));
        if (!problems.isEmpty()) {
          throw new InvalidCatalogueException("The milestone catalogue does not fit the templates in Notify", problems);
        }
      }
      boolean dispatching = dispatch != null ? dispatch : apiKey != null;
      if (!dispatching) {
        return new MilestoneMessenger(this, outbox, Optional.empty(), Optional.empty(), Optional.empty());
      }
      if (apiKey == null) {
        throw new IllegalStateException("Dispatching needs notify(apiKey, baseUrl)");
      }
      ExecutorService senders = Executors.newFixedThreadPool(threads, runnable -> {
        Thread thread = new Thread(runnable, "notify-send");
        thread.setDaemon(true);
        return thread;
      });
      // A message left SENDING longer than a request can take was being sent by a node that stopped.
      Duration staleAfter = requestTimeout.plus(connectTimeout).multipliedBy(2);
      Dispatcher dispatcher = new Dispatcher(outbox, new NotifyTransport(apiKey, baseUrl, connectTimeout, requestTimeout),
          new Dispatcher.Settings(rateLimitPerMinute, Math.max(threads * 4, 50), maxAttempts, backoffBase, backoffMax,
              staleAfter, statusPollAfter), clock, senders);
      if (!inBackground) {
        return new MilestoneMessenger(this, outbox, Optional.of(dispatcher), Optional.empty(), Optional.of(senders));
      }
      RecurringTask<Void> task = Tasks.recurring("notify-dispatch", FixedDelay.ofMillis(200))
          .execute((instance, context) -> dispatcher.run(Duration.ofSeconds(10)));
      Scheduler scheduler = Scheduler.create(database)
          .tableName("notify_scheduled_tasks")
          .startTasks(task)
          .threads(1)
          .pollingInterval(Duration.ofMillis(250))
          .heartbeatInterval(heartbeat)
          .missedHeartbeatsLimit(4)
          .schedulerName(new SchedulerName.Fixed(nodeName))
          .build();
      scheduler.start();
      return new MilestoneMessenger(this, outbox, Optional.of(dispatcher), Optional.of(scheduler), Optional.of(senders));
    }

    private static String defaultNodeName() {
      try {
        return java.net.InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
      } catch (java.net.UnknownHostException e) {
        return "node-" + ProcessHandle.current().pid();
      }
    }

    private static DataSource embedded(Path file) {
      org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
      h2.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";AUTO_SERVER=FALSE");
      return h2;
    }
  }
}
