package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stpkit.notify.TimelineEntry.EventKind;
import org.stpkit.testsupport.PostgresDatabase;

/** The outbox on the machine's real PostgreSQL, in a fresh database. */
class PostgresOutboxIT {
  private static PostgresDatabase database;
  private static MilestoneMessenger messenger;

  @BeforeAll
  static void start() throws Exception {
    database = PostgresDatabase.create("notify");
    messenger = MilestoneMessenger.builder()
        .catalogue(MilestoneCatalogue.load(Path.of("src/test/resources/milestones.yaml")))
        .dataSource(database.dataSource())
        .build();
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
  }

  private static CaseData jo() {
    return CaseData.of(Map.of("applicant", Map.of("firstName", "Jo", "email", "jo@example.com")));
  }

  @Test
  void reachingAMilestoneTwiceInOneTransactionQueuesOnceAndLeavesTheTransactionUsable() throws Exception {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      Reached first = messenger.reached("HO-1", "APPLICATION_RECEIVED", jo(), connection);
      Reached second = messenger.reached("HO-1", "APPLICATION_RECEIVED", jo(), connection);
      // The caller's own work in the same transaction still succeeds: nothing aborted it.
      try (Statement statement = connection.createStatement(); ResultSet one = statement.executeQuery("SELECT 1")) {
        assertThat(one.next()).isTrue();
      }
      connection.commit();
      assertThat(first.queued()).hasSize(1);
      assertThat(second.alreadyQueued()).containsExactly("applicant-acknowledgement");
    }
    assertThat(messenger.timeline("HO-1")).singleElement()
        .satisfies(entry -> assertThat(entry.events()).extracting(TimelineEntry.Event::status).containsExactly(EventKind.QUEUED));
  }

  @Test
  void concurrentReachesOfTheSameMilestoneQueueOneMessage() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Reached>> results = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Callable<Reached> reach = () -> messenger.reached("HO-2", "APPLICATION_RECEIVED", jo());
      results.add(pool.submit(reach));
    }
    int queued = 0;
    for (Future<Reached> result : results) {
      queued += result.get().queued().size();
    }
    pool.shutdown();
    assertThat(queued).isEqualTo(1);
    assertThat(messenger.timeline("HO-2")).hasSize(1);
  }
}
