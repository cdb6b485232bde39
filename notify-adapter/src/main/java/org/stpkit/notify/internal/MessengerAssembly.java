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
import org.h2.jdbcx.JdbcDataSource;
import org.stpkit.definition.Problem;
import org.stpkit.notify.InvalidCatalogueException;
import org.stpkit.notify.Milestone;
import org.stpkit.notify.NotifyException;
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
  /** Data sources that open a new physical connection every time (besides H2's own {@link JdbcDataSource}). */
  private static final Set<String> UNPOOLED_DATA_SOURCES = Set.of(
      "org.springframework.jdbc.datasource.DriverManagerDataSource",
      "org.springframework.jdbc.datasource.SimpleDriverDataSource");

  private MessengerAssembly() {}

  static MessengerCore assemble(MessengerCore.Config config) {
    Optional<JdbcConnectionPool> embedded = config.dataSource().isPresent() ? Optional.empty() : Optional.of(embedded(config));
    Optional<Connection> keeper = config.dataSource().flatMap(MessengerAssembly::keepH2Open);
    Runnable closeDatabase = () -> {
      keeper.ifPresent(MessengerAssembly::closeQuietly);
      embedded.ifPresent(MessengerAssembly::shutDown);
    };
    try {
      return assemble(config, config.dataSource().orElseGet(embedded::orElseThrow), closeDatabase);
    } catch (RuntimeException | Error e) {
      closeDatabase.run();
      throw e;
    }
  }

  /**
   * H2 closes a database when its last connection closes: an in-memory one is gone, tables and all,
   * and a file is shut and opened again under the messenger's threads, which was seen to lose tables
   * (a CLI command, before it kept its databases open). A pool keeps connections open, but H2's own
   * {@link JdbcDataSource} and Spring's driver-manager data sources open a new one each time; given
   * one of those, the messenger holds a connection of its own until it closes, so the database
   * stays open as long as the messenger uses it. A pool is left alone: a connection held here would
   * be one fewer for the messenger's threads.
   */
  private static Optional<Connection> keepH2Open(DataSource dataSource) {
    boolean bare = dataSource instanceof JdbcDataSource || UNPOOLED_DATA_SOURCES.contains(dataSource.getClass().getName());
    if (!bare) {
      return Optional.empty();
    }
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new NotifyException("Cannot connect to the outbox database: " + e.getMessage(), e);
    }
    try {
      if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
        return Optional.of(connection);
      }
    } catch (SQLException e) {
      LOG.log(Level.FINE, "notify-adapter: could not tell which database the outbox is in", e);
    }
    closeQuietly(connection);
    return Optional.empty();
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "notify-adapter: closing the connection that kept the H2 outbox open failed", e);
    }
  }

  private static MessengerCore assemble(MessengerCore.Config config, DataSource database, Runnable closeDatabase) {
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
          closeDatabase);
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
          closeDatabase);
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
        closeDatabase);
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
