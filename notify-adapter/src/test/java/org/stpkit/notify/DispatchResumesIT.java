package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.RequestKind;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;
import org.stpkit.testsupport.PostgresDatabase;

/**
 * The dispatching node is killed (SIGKILL) at each point of its work — while claiming, while
 * sending, while recording outcomes, while polling statuses — and a node is started in its place,
 * under the same name or a new one. Each time dispatch resumes within the bound the README states
 * (plus the replacement's start-up), no message is sent twice and none is lost. Writes
 * target/dispatch-resumes-report.json.
 *
 * <p>The node is caught at each point from outside, without hooks in the code: a row lock the test
 * holds on the rate window (claiming), the simulator holding answers (sending, polling), and a table
 * lock on the timeline's events (recording).
 */
class DispatchResumesIT {
  private static final int FIRST = 100;
  private static final int AT_POINT = 100;
  private static final int LATER = 50;
  private static final Duration HEARTBEAT = DispatcherNode.heartbeat();
  /**
   * The README's bound with the test's heartbeat: db-scheduler declares a run dead four heartbeats
   * after its last one and looks every two heartbeats (6 in all), a node picks it up within one
   * polling interval (0.25 s), and one claim (2 s allowed).
   */
  private static final Duration BOUND = HEARTBEAT.multipliedBy(6).plusMillis(250).plusSeconds(2);
  private static final List<Map<String, Object>> REPORT = new ArrayList<>();

  enum Point { CLAIMING, SENDING, RECORDING, POLLING }

  /** The node started after the kill: the dead node's name again, or a name the table has not seen. */
  enum Replacement { SAME_NAME, NEW_NAME }

  static Stream<Arguments> scenarios() {
    return Stream.of(Point.values()).flatMap(point -> Stream.of(Replacement.values()).map(r -> Arguments.of(point, r)));
  }

  @AfterAll
  static void writeReport() throws Exception {
    Path file = Path.of(System.getProperty("stp.reportDir", "target"), "dispatch-resumes-report.json");
    Files.createDirectories(file.getParent());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("heartbeat_ms", HEARTBEAT.toMillis());
    report.put("bound_ms", BOUND.toMillis());
    report.put("scenarios", REPORT);
    Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
  }

  @ParameterizedTest(name = "killed while {0}, replaced by {1}")
  @MethodSource("scenarios")
  void dispatchResumesWithinTheBoundAndNothingIsSentTwiceOrLost(Point point, Replacement replacement) throws Exception {
    SimulatedTemplate template = new SimulatedTemplate(FaultIT.TEMPLATE_ID, TemplateType.EMAIL, "Decision",
        Optional.of("Decision on ((reference))"), "Your case ((reference)) has a decision.", 1);
    try (PostgresDatabase database = PostgresDatabase.create("notify_kill");
        NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(template))
            .withRateLimitPerMinute(10_000_000).withDeliveryDelay(Duration.ofMillis(200)));
        Nodes nodes = new Nodes(((PGSimpleDataSource) database.dataSource()).getURL(), notify)) {
      DataSource db = database.dataSource();
      MilestoneMessenger writer = MilestoneMessenger.builder().catalogue(FaultIT.catalogue()).dataSource(db)
          .dispatch(false).build();
      Duration pollAfter = point == Point.POLLING ? Duration.ofSeconds(1) : Duration.ofHours(1);
      // A first batch, sent before anything is held: the nodes are warm and the polls have work.
      queue(writer, db, 0, FIRST);
      nodes.start("node-a", pollAfter);
      await(() -> writer.stats().backlog() == 0, Duration.ofMinutes(1), () -> writer.stats().toString());

      try (Blocker blocker = Blocker.at(point, db, notify, () -> queue(writer, db, FIRST, AT_POINT))) {
        String runner = awaitPoint(point, db, notify);
        Instant killed = Instant.now();
        nodes.kill(runner);
        // Requests the dead node had sent may still reach Notify after it died: those are its
        // claims, not a sign that another node took over, so they do not count as resuming.
        java.util.Set<String> claimedByTheDead = references(db, "SENDING");
        blocker.release();
        Duration startUp = nodes.start(replacement == Replacement.SAME_NAME ? runner : "node-c", pollAfter);
        // Messages queued after the kill show that sending resumed even where the dead node had
        // claimed every earlier one.
        queue(writer, db, FIRST + AT_POINT, LATER);
        int total = FIRST + AT_POINT + LATER;

        Duration resumed = awaitFirstAcceptedAfter(notify, killed, claimedByTheDead, BOUND.plus(startUp).plusSeconds(30));
        await(() -> writer.stats().backlog() == 0 && accepted(notify) == total, Duration.ofMinutes(2),
            () -> writer.stats() + ", accepted " + accepted(notify));
        if (point == Point.POLLING) {
          await(() -> writer.stats().delivered() == total, Duration.ofMinutes(1), () -> writer.stats().toString());
        }

        Map<String, Long> perReference = notify.notifications().stream()
            .collect(Collectors.groupingBy(n -> n.reference().orElse("?"), Collectors.counting()));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("killed_while", point.name().toLowerCase());
        line.put("killed", runner);
        line.put("replaced_by", replacement.name().toLowerCase());
        line.put("replacement_start_up_ms", startUp.toMillis());
        line.put("resumed_after_ms", resumed.toMillis());
        line.put("claimed_by_the_dead_node", claimedByTheDead.size());
        line.put("messages", total);
        line.put("references_sent_more_than_once", perReference.values().stream().filter(n -> n > 1).count());
        REPORT.add(line);

        assertThat(perReference).as("each message once").hasSize(total).allSatisfy((reference, count) ->
            assertThat(count).as(reference).isEqualTo(1));
        assertThat(writer.stats().failed()).isZero();
        assertThat(resumed).as("dispatch resumed within the bound (%s, plus %s to start the replacement)", BOUND, startUp)
            .isLessThanOrEqualTo(BOUND.plus(startUp));
      }
    }
  }

  /** What holds the node at its point until the test lets go. */
  private interface Blocker extends AutoCloseable {
    void release() throws Exception;

    @Override
    default void close() throws Exception {
      release();
    }

    /** Puts the block in place and gives the nodes work that meets it. */
    static Blocker at(Point point, DataSource db, NotifySimulator notify, Work work) throws Exception {
      switch (point) {
        case CLAIMING -> {
          Blocker lock = lock(db, "SELECT name FROM notify_rate_lock FOR UPDATE");
          work.run();
          return lock;
        }
        case SENDING -> {
          notify.faults().hold(RequestKind.SEND);
          work.run();
          return () -> notify.faults().release(RequestKind.SEND);
        }
        case RECORDING -> {
          // The outcomes are held back until the events table is locked; the queueing itself
          // writes events, so it must come first.
          notify.faults().hold(RequestKind.SEND);
          work.run();
          await(() -> notify.held(RequestKind.SEND) > 0, Duration.ofMinutes(1), () -> "no send held");
          Blocker lock = lock(db, "LOCK TABLE notify_event IN EXCLUSIVE MODE");
          notify.faults().release(RequestKind.SEND);
          return lock;
        }
        case POLLING -> {
          // The first batch is sent; its status polls fall due a second later.
          notify.faults().hold(RequestKind.STATUS);
          work.run();
          return () -> notify.faults().release(RequestKind.STATUS);
        }
        default -> throw new IllegalArgumentException(point.name());
      }
    }

    /** A transaction of the test's that holds a lock until released. */
    private static Blocker lock(DataSource db, String sql) throws Exception {
      Connection connection = db.getConnection();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
      return () -> {
        if (!connection.isClosed()) {
          connection.rollback();
          connection.close();
        }
      };
    }
  }

  /** Work the test does once a block is in place. */
  @FunctionalInterface
  private interface Work {
    void run() throws Exception;
  }

  /** Waits until the one dispatching node is at the point; its name. */
  private static String awaitPoint(Point point, DataSource db, NotifySimulator notify) throws Exception {
    String node = "node-a";
    Duration limit = Duration.ofMinutes(1);
    switch (point) {
      case CLAIMING -> await(() -> waitingOnLock(db, "%notify_rate_lock%"), limit, () -> "no claim waiting");
      case RECORDING -> await(() -> waitingOnLock(db, "INSERT INTO notify_event%"), limit, () -> "no record waiting");
      case SENDING -> await(() -> notify.held(RequestKind.SEND) > 0, limit, () -> "no send held");
      case POLLING -> await(() -> notify.held(RequestKind.STATUS) > 0, limit, () -> "no status poll held");
    }
    if (point == Point.CLAIMING) {
      assertThat(dispatchingNode(db)).as("a claim is made under the dispatch").isEqualTo(node);
    }
    if (point == Point.CLAIMING || point == Point.RECORDING) {
      assertThat(waitingOn(db, node)).as(node + " is the one waiting").isTrue();
    }
    return node;
  }

  private static boolean waitingOnLock(DataSource db, String queryLike) {
    return count(db, "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name LIKE 'node-%'"
        + " AND wait_event_type = 'Lock' AND query ILIKE ?", queryLike) > 0;
  }

  private static boolean waitingOn(DataSource db, String node) {
    return count(db, "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ? AND wait_event_type = 'Lock'",
        node) > 0;
  }

  private static int count(DataSource db, String sql, String parameter) {
    try (Connection connection = db.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, parameter);
      try (ResultSet result = select.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String dispatchingNode(DataSource db) throws Exception {
    try (Connection connection = db.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT picked_by FROM notify_scheduled_tasks WHERE task_name = 'notify-dispatch' AND picked");
        ResultSet result = select.executeQuery()) {
      return result.next() ? result.getString(1) : "";
    }
  }

  /** How long after the kill Notify first accepted a message the dead node had not claimed. */
  private static Duration awaitFirstAcceptedAfter(NotifySimulator notify, Instant killed,
      java.util.Set<String> claimedByTheDead, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Instant> first = notify.notifications().stream()
          .filter(n -> !claimedByTheDead.contains(n.reference().orElse("")))
          .map(SimulatedNotification::createdAt)
          .filter(at -> at.isAfter(killed)).min(Instant::compareTo);
      if (first.isPresent()) {
        return Duration.between(killed, first.get());
      }
      Thread.sleep(20);
    }
    throw new AssertionError("nothing was sent within " + limit + " of the kill");
  }

  private static java.util.Set<String> references(DataSource db, String status) throws Exception {
    java.util.Set<String> references = new java.util.HashSet<>();
    try (Connection connection = db.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT notify_reference FROM notify_outbox WHERE status = ?")) {
      select.setString(1, status);
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          references.add(result.getString(1));
        }
      }
    }
    return references;
  }

  private static long accepted(NotifySimulator notify) {
    return notify.notifications().size();
  }

  private static void queue(MilestoneMessenger writer, DataSource db, int from, int count) throws Exception {
    try (Connection connection = db.getConnection()) {
      connection.setAutoCommit(false);
      for (int i = from; i < from + count; i++) {
        writer.reached("CASE-" + i, "DECISION_MADE", CaseData.of(Map.of("email", "person" + i + "@example.com")), connection);
      }
      connection.commit();
    }
  }

  private static void await(BooleanSupplier done, Duration limit, java.util.function.Supplier<String> state)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not done within " + limit + ": " + state.get());
      }
      Thread.sleep(20);
    }
  }

  /** Dispatcher processes by name. */
  private static final class Nodes implements AutoCloseable {
    private final String jdbcUrl;
    private final NotifySimulator notify;
    private final Map<String, Process> running = new LinkedHashMap<>();

    Nodes(String jdbcUrl, NotifySimulator notify) {
      this.jdbcUrl = jdbcUrl;
      this.notify = notify;
    }

    /** Starts a node and waits until its scheduler runs; how long that took. */
    Duration start(String name, Duration pollAfter) throws Exception {
      long begun = System.nanoTime();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
          DispatcherNode.class.getName(), jdbcUrl, notify.baseUrl(), notify.apiKey(KeyType.LIVE), name,
          Long.toString(pollAfter.toMillis()));
      builder.redirectError(new File(System.getProperty("stp.reportDir", "target"), "kill-" + name + ".log"));
      Process process = builder.start();
      running.put(name, process);
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("dispatching as")) {
        // skip anything else it prints
      }
      if (line == null) {
        throw new AssertionError(name + " stopped before it started dispatching (see target/kill-" + name + ".log)");
      }
      return Duration.ofNanos(System.nanoTime() - begun);
    }

    void kill(String name) throws InterruptedException {
      Process process = running.remove(name);
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
      for (Process process : running.values()) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
