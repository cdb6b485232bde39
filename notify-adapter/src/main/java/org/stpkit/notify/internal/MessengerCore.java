package org.stpkit.notify.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.stpkit.definition.Problem;
import org.stpkit.notify.CaseData;
import org.stpkit.notify.Channel;
import org.stpkit.notify.FailedMessage;
import org.stpkit.notify.InvalidCaseDataException;
import org.stpkit.notify.MessageSpec;
import org.stpkit.notify.Milestone;
import org.stpkit.notify.MilestoneCatalogue;
import org.stpkit.notify.NotifyException;
import org.stpkit.notify.OutboxStats;
import org.stpkit.notify.QueuedMessage;
import org.stpkit.notify.QuietHours;
import org.stpkit.notify.Reached;
import org.stpkit.notify.ReceivedText;
import org.stpkit.notify.TimelineEntry;

/**
 * What {@link org.stpkit.notify.MilestoneMessenger} does, behind its facade: reaching milestones
 * into the outbox, reading it, and (on nodes with a key) dispatching it. Made by {@link
 * MessengerAssembly} from the builder's {@link Config}.
 */
public final class MessengerCore implements AutoCloseable {
  /**
   * Everything the builder gathers.
   *
   * @param services Notify services by name ({@code ""} is the default one); empty on a node that only writes
   * @param embeddedDatabase an H2 file for the outbox when no data source is given; empty for an in-memory one
   */
  public record Config(MilestoneCatalogue catalogue, Optional<DataSource> dataSource, Optional<java.nio.file.Path> embeddedDatabase,
      Map<String, NotifyService> services, Optional<Boolean> checkTemplates, Optional<Boolean> dispatch,
      boolean inBackground, Clock clock, int rateLimitPerMinute, int maxAttempts, Duration backoffBase, Duration backoffMax,
      Duration connectTimeout, Duration requestTimeout, Duration statusPollAfter, Duration heartbeat, int maxInFlight,
      String nodeName, Map<Channel, QuietHours> quietHours, Optional<Consumer<ReceivedText>> receivedTexts,
      Duration receivedTextsPollEvery, Optional<Duration> keepFor) {
    public Config {
      services = Map.copyOf(services);
      quietHours = Map.copyOf(quietHours);
    }
  }

  /** A Notify service's key and base URL. */
  public record NotifyService(String apiKey, String baseUrl) {}

  private final MilestoneCatalogue catalogue;
  private final Outbox outbox;
  private final OutboxQueries queries;
  private final Transitions transitions;
  private final Clock clock;
  private final Optional<Dispatcher> dispatcher;
  private final Optional<ReceivedTexts> receivedTexts;
  private final Runnable stopScheduler;
  /** Closes the embedded outbox this messenger opened; nothing for a data source the service gave. */
  private final Runnable closeDatabase;

  MessengerCore(MilestoneCatalogue catalogue, Outbox outbox, Clock clock, Optional<Dispatcher> dispatcher,
      Optional<ReceivedTexts> receivedTexts, Runnable stopScheduler, Runnable closeDatabase) {
    this.catalogue = catalogue;
    this.outbox = outbox;
    this.queries = new OutboxQueries(outbox.dataSource());
    this.transitions = new Transitions(outbox.dataSource());
    this.clock = clock;
    this.dispatcher = dispatcher;
    this.receivedTexts = receivedTexts;
    this.stopScheduler = stopScheduler;
    this.closeDatabase = closeDatabase;
  }

  /** Migrates the outbox, checks the templates when asked, and starts dispatching when configured. */
  public static MessengerCore assemble(Config config) {
    return MessengerAssembly.assemble(config);
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

  /** Reaches a milestone inside the caller's transaction: nothing is written unless every message can be made. */
  public Reached reached(String caseRef, String milestone, CaseData data, Connection transaction) {
    Milestone spec = catalogue.milestone(milestone).orElseThrow(() -> new NotifyException(
        "Unknown milestone '" + milestone + "'; the catalogue has " + String.join(", ", catalogue.milestones().keySet())));
    String service = catalogue.serviceOf(spec).orElse("");
    List<Problem> problems = new ArrayList<>();
    List<OutboxRow> rows = new ArrayList<>();
    List<String> notApplicable = new ArrayList<>();
    for (MessageSpec message : spec.messages()) {
      if (!message.appliesTo(data)) {
        notApplicable.add(message.name());
        continue;
      }
      MessagePreparation.prepare(caseRef, milestone, service, message, data, problems).ifPresent(rows::add);
    }
    if (!problems.isEmpty()) {
      throw new InvalidCaseDataException(caseRef, milestone, problems);
    }
    Instant now = clock.instant();
    List<QueuedMessage> queued = new ArrayList<>();
    List<String> alreadyQueued = new ArrayList<>();
    try {
      for (OutboxRow row : rows) {
        if (outbox.insert(transaction, row, now)) {
          queued.add(new QueuedMessage(row.id(), row.messageName(), row.channel(), row.templateId().orElse(""),
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

  public List<TimelineEntry> timeline(String caseRef) {
    return outbox.timeline(caseRef);
  }

  public OutboxStats stats() {
    return operations(outbox.dataSource(), clock).stats();
  }

  public List<FailedMessage> failedMessages() {
    return operations(outbox.dataSource(), clock).failedMessages();
  }

  public int redrive(Collection<String> messageIds) {
    return operations(outbox.dataSource(), clock).redrive(messageIds);
  }

  /** A delivery receipt: the message's final status, once; false for a reference this outbox does not have. */
  public boolean deliveryReceipt(String reference, String notifyStatus) {
    try {
      Optional<String> id = queries.idByReference(reference);
      if (id.isEmpty()) {
        return false;
      }
      Optional<Transitions.Transition> change =
          Transitions.fromNotifyStatus(id.get(), notifyStatus, "delivery receipt", clock.instant());
      if (change.isPresent() && transitions.apply(List.of(change.get())) == 0) {
        // Notify can deliver, and send its receipt, before this node has recorded Notify's answer to
        // the send: the message is still SENDING. Notify has it, so the receipt ends it all the same
        // (the answer, recorded later, then changes nothing); dropped, it would wait for a status poll.
        transitions.apply(List.of(change.get().overtakingTheSend()));
      }
      return true;
    } catch (SQLException e) {
      throw new NotifyException("Cannot record the delivery receipt for " + reference + ": " + e.getMessage(), e);
    }
  }

  /** Text messages people sent to the services' numbers since a time, oldest first. */
  public List<ReceivedText> receivedTexts(Instant since) {
    try {
      return ReceivedTexts.stored(outbox.dataSource(), since);
    } catch (SQLException e) {
      throw new NotifyException("Cannot read received text messages: " + e.getMessage(), e);
    }
  }

  /** Sends what is due now, on this thread. */
  public void dispatchNow() {
    Dispatcher running = dispatcher.orElseThrow(() ->
        new NotifyException("This messenger does not dispatch: configure notify(apiKey, baseUrl)"));
    running.dispatchNow();
    receivedTexts.ifPresent(texts -> texts.pollNow(clock.instant()));
  }

  /** Stops dispatching on this node; requests under way end and are recorded first. */
  @Override
  public void close() {
    try {
      stopScheduler.run();
      dispatcher.ifPresent(Dispatcher::close);
    } finally {
      closeDatabase.run();
    }
  }

  /** Operations on any outbox: counters, failed messages, re-driving. */
  public static Operations operations(DataSource dataSource, Clock clock) {
    return new Operations(new OutboxQueries(dataSource), clock);
  }

  /** What {@code NotifyOperations} offers, with database errors as {@link NotifyException}s. */
  public record Operations(OutboxQueries queries, Clock clock) {
    public OutboxStats stats() {
      try {
        return queries.stats(clock.instant());
      } catch (SQLException e) {
        throw new NotifyException("Cannot read the outbox counters: " + e.getMessage(), e);
      }
    }

    public List<FailedMessage> failedMessages() {
      try {
        return queries.failed();
      } catch (SQLException e) {
        throw new NotifyException("Cannot list failed messages: " + e.getMessage(), e);
      }
    }

    public int redrive(Collection<String> messageIds) {
      try {
        return queries.redrive(messageIds, clock.instant());
      } catch (SQLException e) {
        throw new NotifyException("Cannot re-drive messages: " + e.getMessage(), e);
      }
    }

    public int purge(Duration olderThan) {
      try {
        return queries.purge(clock.instant().minus(olderThan));
      } catch (SQLException e) {
        throw new NotifyException("Cannot purge the outbox: " + e.getMessage(), e);
      }
    }
  }
}
