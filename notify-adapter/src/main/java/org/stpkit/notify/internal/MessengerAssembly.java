package org.stpkit.notify.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.stpkit.definition.Problem;
import org.stpkit.notify.InvalidCatalogueException;
import org.stpkit.notify.Milestone;
import uk.gov.service.notify.NotificationClient;

/**
 * Builds a messenger's parts from its configuration: the outbox database (the given one, an H2
 * file, or an in-memory H2), its migration, the template check, and — on nodes with a key — the
 * dispatcher and the db-scheduler task that runs it on one node at a time.
 */
final class MessengerAssembly {
  private static final Logger LOG = Logger.getLogger(MessengerAssembly.class.getName());
  /** How long one scheduled run claims before it hands the dispatch back to the scheduler. */
  private static final Duration RUN_BUDGET = Duration.ofSeconds(10);
  /** How often the scheduler looks for a due run; part of the take-over bound in the README. */
  static final Duration POLLING_INTERVAL = Duration.ofMillis(250);
  /** Missed heartbeats before a node's run is taken over; part of the take-over bound in the README. */
  static final int MISSED_HEARTBEATS = 4;
  /** The scheduler's threads, the dispatching thread, the recorder and a caller or two, with room to spare. */
  private static final int EMBEDDED_CONNECTIONS = 16;

  private MessengerAssembly() {}

  static MessengerCore assemble(MessengerCore.Config config) {
    Optional<JdbcConnectionPool> embedded = config.dataSource().isPresent() ? Optional.empty() : Optional.of(embedded(config));
    Runnable closeEmbedded = () -> embedded.ifPresent(MessengerAssembly::shutDown);
    try {
      return assemble(config, config.dataSource().orElseGet(embedded::orElseThrow), closeEmbedded);
    } catch (RuntimeException | Error e) {
      closeEmbedded.run();
      throw e;
    }
  }

  private static MessengerCore assemble(MessengerCore.Config config, DataSource database, Runnable closeEmbedded) {
    Outbox outbox = new Outbox(database);
    outbox.migrate();
    checkServices(config);
    boolean check = config.checkTemplates().orElse(!config.services().isEmpty());
    if (check) {
      checkTemplates(config);
    }
    boolean dispatching = config.dispatch().orElse(!config.services().isEmpty());
    if (!dispatching) {
      return new MessengerCore(config.catalogue(), outbox, config.clock(), Optional.empty(), Optional.empty(), () -> { },
          closeEmbedded);
    }
    if (config.services().isEmpty()) {
      throw new IllegalStateException("Dispatching needs notify(apiKey, baseUrl)");
    }
    Map<String, NotifyTransport> transports = new LinkedHashMap<>();
    config.services().forEach((name, service) -> transports.put(name,
        new NotifyTransport(service.apiKey(), service.baseUrl(), config.connectTimeout(), config.requestTimeout())));
    // A message left SENDING longer than a request can take was being sent by a node that stopped.
    Duration staleAfter = config.requestTimeout().plus(config.connectTimeout()).multipliedBy(2);
    Claims claims = new Claims(database, config.rateLimitPerMinute(), staleAfter, transports.keySet());
    Dispatcher dispatcher = new Dispatcher(claims, new Transitions(database), transports, new Dispatcher.Settings(
        config.maxInFlight(), config.maxAttempts(), config.backoffBase(), config.backoffMax(), config.statusPollAfter(),
        config.requestTimeout(), config.quietHours()), config.clock());
    Optional<ReceivedTexts> received = config.receivedTexts().map(handler ->
        new ReceivedTexts(database, claims, transports, handler, config.receivedTextsPollEvery(),
            config.clock()));
    Optional<OutboxRetention> retention = config.keepFor().map(keep ->
        new OutboxRetention(new OutboxQueries(database), config.clock(), keep));
    if (!config.inBackground()) {
      return new MessengerCore(config.catalogue(), outbox, config.clock(), Optional.of(dispatcher), received, () -> { },
          closeEmbedded);
    }
    RecurringTask<Void> task = Tasks.recurring("notify-dispatch", FixedDelay.ofMillis(200))
        .execute((instance, context) -> {
          dispatcher.run(RUN_BUDGET);
          received.ifPresent(texts -> texts.pollIfDue(config.clock().instant()));
          retention.ifPresent(OutboxRetention::purgeIfDue);
        });
    Scheduler scheduler = Scheduler.create(database)
        .tableName("notify_scheduled_tasks")
        .startTasks(task)
        .threads(1)
        .pollingInterval(POLLING_INTERVAL)
        .heartbeatInterval(config.heartbeat())
        .missedHeartbeatsLimit(MISSED_HEARTBEATS)
        .schedulerName(new SchedulerName.Fixed(config.nodeName()))
        .build();
    scheduler.start();
    return new MessengerCore(config.catalogue(), outbox, config.clock(), Optional.of(dispatcher), received, scheduler::stop,
        closeEmbedded);
  }

  /** Every service a milestone names has a key here, when this node has keys at all. */
  private static void checkServices(MessengerCore.Config config) {
    if (config.services().isEmpty()) {
      return;
    }
    List<Problem> problems = new ArrayList<>();
    Set<String> named = new LinkedHashSet<>();
    for (Milestone milestone : config.catalogue().milestones().values()) {
      config.catalogue().serviceOf(milestone).ifPresent(service -> {
        if (!config.services().containsKey(service) && named.add(service)) {
          problems.add(Problem.of("milestone catalogue", "milestones." + milestone.name() + ".service",
              "no Notify service '" + service + "' is configured; configured: " + describe(config.services().keySet())));
        }
      });
    }
    if (!problems.isEmpty()) {
      throw new InvalidCatalogueException("The milestone catalogue names Notify services this messenger has no key for",
          problems);
    }
  }

  private static void checkTemplates(MessengerCore.Config config) {
    if (config.services().isEmpty()) {
      throw new IllegalStateException("Checking templates needs notify(apiKey, baseUrl)");
    }
    Map<String, NotificationClient> clients = new LinkedHashMap<>();
    config.services().forEach((name, service) -> clients.put(name, new NotificationClient(service.apiKey(), service.baseUrl())));
    List<Problem> problems = TemplateCheck.check(config.catalogue(), clients);
    if (!problems.isEmpty()) {
      throw new InvalidCatalogueException("The milestone catalogue does not fit the templates in Notify", problems);
    }
  }

  private static String describe(Set<String> services) {
    return services.stream().map(name -> name.isEmpty() ? "the default (notify(apiKey, baseUrl))" : "'" + name + "'")
        .reduce((a, b) -> a + ", " + b).orElse("none");
  }

  /**
   * The embedded outbox: a pool of connections kept open for the messenger's life. Without one, H2
   * closes a file database whenever its last connection closes and opens it again for the next;
   * one thread opening it while another's close is still under way was seen to find no tables. It
   * stays open until {@link #shutDown} (DB_CLOSE_DELAY=-1), whatever the pool does with idle ones.
   */
  private static JdbcConnectionPool embedded(MessengerCore.Config config) {
    String url;
    if (config.embeddedDatabase().isPresent()) {
      url = "jdbc:h2:file:" + config.embeddedDatabase().get().toAbsolutePath() + ";AUTO_SERVER=FALSE;DB_CLOSE_DELAY=-1";
    } else {
      // Not a file in whatever the working directory is: a library should not write where it was not told to.
      LOG.warning("notify-adapter: no dataSource(...) or embeddedDatabase(...) given, so the outbox is in memory:"
          + " messages not yet sent are lost when this JVM stops. Give one for anything but trying it out.");
      url = "jdbc:h2:mem:stp-notify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "", "");
    pool.setMaxConnections(EMBEDDED_CONNECTIONS);
    return pool;
  }

  /** Closes the embedded database (an in-memory one is gone with it) and the pool's connections. */
  private static void shutDown(JdbcConnectionPool pool) {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "notify-adapter: closing the embedded outbox failed", e);
    } finally {
      pool.dispose();
    }
  }
}
