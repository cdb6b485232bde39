package org.stpkit.spring.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stpkit.spring.notify.StpNotifyAutoConfigurationTest.waitUntil;

import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stpkit.notify.CaseData;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.testsupport.PostgresDatabase;

/**
 * {@code reached(...)} in the application's own Spring transaction, on the machine's PostgreSQL:
 * the outbox is in the application's DataSource, so the milestone's messages are queued with the
 * application's own writes, and sent (to the Notify simulator) only when the transaction commits.
 */
class TransactionalMilestonesIT {
  private static PostgresDatabase database;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StpNotifyAutoConfiguration.class))
      .withBean(DataSource.class, () -> database.dataSource())
      .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(database.dataSource()))
      .withPropertyValues("stp.notify.catalogue=classpath:notify/milestones.yaml",
          "stp.notify.simulator.config=classpath:notify/simulator.yaml", "stp.notify.simulator.mode=always");

  @BeforeAll
  static void createTheDatabase() throws Exception {
    database = PostgresDatabase.create("spring_notify");
    new JdbcTemplate(database.dataSource()).execute("CREATE TABLE decisions (case_ref VARCHAR(40) PRIMARY KEY)");
  }

  @AfterAll
  static void dropTheDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  @Test
  void theMessagesAreQueuedInTheCallersTransactionAndSentWhenItCommits() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      MilestoneMessenger messenger = context.getBean(MilestoneMessenger.class);
      JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
      transactions(context).executeWithoutResult(status -> {
        jdbc.update("INSERT INTO decisions (case_ref) VALUES (?)", "CASE-COMMIT");
        milestones(context).reached("CASE-COMMIT", "DECISION_MADE", applicant("committed@example.com"));
        // Read on another connection: nothing is there until the caller's transaction commits.
        assertThat(messenger.timeline("CASE-COMMIT")).isEmpty();
      });

      assertThat(messenger.timeline("CASE-COMMIT")).hasSize(1);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM decisions WHERE case_ref = 'CASE-COMMIT'", Integer.class))
          .isEqualTo(1);
      NotifySimulator simulator = context.getBean(NotifySimulator.class);
      waitUntil(() -> sentTo(simulator, "committed@example.com") == 1, "the committed milestone's email was sent");
    });
  }

  @Test
  void aRolledBackTransactionSendsNothing() {
    runner.run(context -> {
      MilestoneMessenger messenger = context.getBean(MilestoneMessenger.class);
      JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
      transactions(context).executeWithoutResult(status -> {
        jdbc.update("INSERT INTO decisions (case_ref) VALUES (?)", "CASE-ROLLBACK");
        milestones(context).reached("CASE-ROLLBACK", "DECISION_MADE", applicant("rolled-back@example.com"));
        status.setRollbackOnly();
      });
      assertThatThrownBy(() -> transactions(context).executeWithoutResult(status -> {
        milestones(context).reached("CASE-THROWN", "DECISION_MADE", applicant("thrown@example.com"));
        throw new IllegalStateException("the caseworker's decision could not be recorded");
      })).hasMessage("the caseworker's decision could not be recorded");

      messenger.dispatchNow();
      assertThat(messenger.timeline("CASE-ROLLBACK")).isEmpty();
      assertThat(messenger.timeline("CASE-THROWN")).isEmpty();
      assertThat(jdbc.queryForObject("SELECT count(*) FROM decisions WHERE case_ref = 'CASE-ROLLBACK'", Integer.class))
          .isZero();
      NotifySimulator simulator = context.getBean(NotifySimulator.class);
      assertThat(sentTo(simulator, "rolled-back@example.com") + sentTo(simulator, "thrown@example.com")).isZero();
    });
  }

  @Test
  void outsideATransactionTheMilestoneIsQueuedOnItsOwn() {
    runner.run(context -> {
      milestones(context).reached("CASE-ALONE", "DECISION_MADE", applicant("alone@example.com"));
      assertThat(context.getBean(MilestoneMessenger.class).timeline("CASE-ALONE")).hasSize(1);
      waitUntil(() -> sentTo(context.getBean(NotifySimulator.class), "alone@example.com") == 1, "the email was sent");
    });
  }

  private static TransactionalMilestones milestones(AssertableApplicationContext context) {
    return context.getBean(TransactionalMilestones.class);
  }

  private static TransactionTemplate transactions(AssertableApplicationContext context) {
    return new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
  }

  private static CaseData applicant(String email) {
    return CaseData.of(Map.of("applicant", Map.of("name", "Jo", "email", email)));
  }

  private static long sentTo(NotifySimulator simulator, String email) {
    return simulator.notifications().stream().filter(sent -> sent.recipient().equals(email)).count();
  }
}
