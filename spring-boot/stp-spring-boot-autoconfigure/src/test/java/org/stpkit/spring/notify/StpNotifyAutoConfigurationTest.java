package org.stpkit.spring.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stpkit.spring.StartupFailures.messages;
import static org.stpkit.spring.StartupFailures.stpFailure;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.stpkit.notify.CaseData;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.notify.OutboxStatus;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedNotification;

/**
 * The notify auto-configuration with its outbox in an embedded H2 file: when it is on, when the
 * simulator stands in for Notify, what stops the application, and its health and metrics. The
 * outbox in the application's own transactions (PostgreSQL) is {@code TransactionalMilestonesIT};
 * delivery receipts over HTTP are {@code NotifyReceiptsIT}.
 */
class StpNotifyAutoConfigurationTest {
  // A well-formed key for a Notify that is never called: templates are not checked and nothing is dispatched.
  private static final String UNUSED_KEY =
      "unused-0c5a7e52-3f1b-4a9d-8e27-6b4c2d1e9f30-2d7e9a41-5b6c-4f80-a1d2-3e4f5a6b7c81";

  @TempDir
  Path folder;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StpNotifyAutoConfiguration.class))
        .withPropertyValues("stp.notify.catalogue=classpath:notify/milestones.yaml",
            "stp.notify.simulator.config=classpath:notify/simulator.yaml",
            "stp.notify.outbox.embedded-file=" + folder.resolve("outbox"));
  }

  private static CaseData applicant(String email) {
    return CaseData.of(Map.of("applicant", Map.of("name", "Jo", "email", email)));
  }

  @Test
  void inTheDevProfileWithoutAKeyTheSimulatorStandsInForNotify() {
    runner().withPropertyValues("spring.profiles.active=dev").run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(NotifySimulator.class).hasSingleBean(MilestoneMessenger.class);
      NotifySimulator simulator = context.getBean(NotifySimulator.class);
      context.getBean(TransactionalMilestones.class).reached("CASE-DEV", "DECISION_MADE", applicant("dev@example.com"));

      waitUntil(() -> !sentTo(simulator, "dev@example.com").isEmpty(), "the simulator received the email");
      assertThat(sentTo(simulator, "dev@example.com")).singleElement().satisfies(sent -> {
        assertThat(sent.keyType()).isEqualTo(KeyType.LIVE);
        assertThat(sent.subject()).contains("A decision on CASE-DEV");
      });
    });
  }

  @Test
  void withAKeyTheSimulatorIsNotUsedEvenInTheDevProfile() {
    runner().withPropertyValues("spring.profiles.active=dev", "stp.notify.api-key=" + UNUSED_KEY,
            "stp.notify.check-templates-at-startup=false", "stp.notify.dispatch=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(NotifySimulator.class)
            .hasSingleBean(MilestoneMessenger.class));
  }

  @Test
  void outsideTheDevProfileThereIsNoSimulatorAndMessagesWaitInTheOutbox() {
    runner().run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(NotifySimulator.class);
      MilestoneMessenger messenger = context.getBean(MilestoneMessenger.class);
      context.getBean(TransactionalMilestones.class).reached("CASE-PROD", "DECISION_MADE", applicant("prod@example.com"));
      assertThat(messenger.timeline("CASE-PROD")).singleElement()
          .satisfies(entry -> assertThat(entry.status()).isEqualTo(OutboxStatus.QUEUED));
    });
  }

  @Test
  void theSimulatorModeOverridesTheProfile() {
    runner().withPropertyValues("stp.notify.simulator.mode=always")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(NotifySimulator.class));
    runner().withPropertyValues("spring.profiles.active=dev", "stp.notify.simulator.mode=never")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(NotifySimulator.class));
  }

  @Test
  void withoutTheSimulatorOnTheClassPathTheDevProfileQueuesOnly() {
    runner().withPropertyValues("spring.profiles.active=dev")
        .withClassLoader(new FilteredClassLoader(NotifySimulator.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("notifySimulator")
            .hasSingleBean(MilestoneMessenger.class));
  }

  @Test
  void isOffWhenNotifyAdapterIsNotOnTheClassPathOrThePropertiesSaySo() {
    runner().withClassLoader(new FilteredClassLoader(MilestoneMessenger.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TransactionalMilestones.class));
    runner().withPropertyValues("stp.notify.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MilestoneMessenger.class));
  }

  @Test
  void theMessengerIsClosedWithTheContext() {
    runner().withPropertyValues("spring.profiles.active=dev").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(dispatchThreads()).as("the messenger's dispatching threads while the context runs").isNotEmpty();
    });
    waitUntil(() -> dispatchThreads().isEmpty(), "the messenger's threads ended when the context closed");
  }

  @Test
  void aCatalogueWithProblemsStopsTheApplicationNamingEachLine() {
    runner().withPropertyValues("stp.notify.catalogue=classpath:notify/bad-milestones.yaml")
        .run(context -> assertThat(stpFailure(context.getStartupFailure())).satisfies(e -> assertThat(e.problems())
                .anySatisfy(problem -> assertThat(problem).startsWith("notify/bad-milestones.yaml:5:")
                    .contains("unknown channel 'pigeon'"))));
  }

  @Test
  void aMissingCatalogueStopsTheApplicationNamingTheProperty() {
    runner().withPropertyValues("stp.notify.catalogue=classpath:notify/no-such-catalogue.yaml")
        .run(context -> assertThat(stpFailure(context.getStartupFailure())).satisfies(e -> assertThat(e.problems())
                .containsExactly("stp.notify.catalogue: nothing at classpath:notify/no-such-catalogue.yaml")));
  }

  @Test
  void theOutboxInTheApplicationsDatabaseNeedsOne() {
    runner().withPropertyValues("stp.notify.outbox.database=application")
        .run(context -> assertThat(stpFailure(context.getStartupFailure())).satisfies(
                e -> assertThat(e.getMessage()).startsWith("No database for the Notify outbox")));
  }

  @Test
  void aReceiptPathWithoutItsTokenStopsTheApplicationSayingWhy() {
    runner().withPropertyValues("stp.notify.receipts.path=/notify/receipts")
        .run(context -> assertThat(messages(context.getStartupFailure())).anySatisfy(message -> assertThat(message)
            .contains("stp.notify.receipts.bearer-token must be set when stp.notify.receipts.path is")));
    runner().withPropertyValues("stp.notify.receipts.path=notify/receipts/", "stp.notify.receipts.bearer-token=t")
        .run(context -> assertThat(messages(context.getStartupFailure())).anySatisfy(message -> assertThat(message)
            .contains("stp.notify.receipts.path must start with / and not end with /")));
    runner().withPropertyValues("stp.notify.rate-limit-per-minute=5000")
        .run(context -> assertThat(messages(context.getStartupFailure())).anySatisfy(message -> assertThat(message)
            .contains("rateLimitPerMinute", "must be at most 3000, Notify's limit")));
  }

  @Test
  void theOutboxBacklogIsHealthUntilItsOldestMessageWaitsTooLong() throws Exception {
    runner().withPropertyValues("stp.notify.health.max-backlog-age=2s", "stp.notify.base-url=http://127.0.0.1:" + closedPort())
        .run(context -> {
          HealthIndicator outbox = context.getBean("notifyOutboxHealthIndicator", HealthIndicator.class);
          assertThat(outbox.health().getStatus()).isEqualTo(Status.UP);

          context.getBean(TransactionalMilestones.class).reached("CASE-H", "DECISION_MADE", applicant("h@example.com"));
          Health waiting = outbox.health();
          assertThat(waiting.getStatus()).isEqualTo(Status.UP);
          assertThat(waiting.getDetails()).containsEntry("backlog", 1L).containsEntry("queued", 1L);

          waitUntil(() -> outbox.health().getStatus().equals(Status.DOWN), "the outbox reported DOWN after 2s");
          assertThat(outbox.health().getDetails()).containsEntry("maxBacklogAgeSeconds", 2L);

          Health notify = context.getBean("notifyHealthIndicator", HealthIndicator.class).health();
          assertThat(notify.getStatus()).isEqualTo(Status.DOWN);
          assertThat(String.valueOf(notify.getDetails().get("reason"))).startsWith("Notify did not answer");
        });
  }

  @Test
  void notifyIsReachableWhenTheSimulatorAnswers() {
    runner().withPropertyValues("spring.profiles.active=dev").run(context -> {
      Health notify = context.getBean("notifyHealthIndicator", HealthIndicator.class).health();
      assertThat(notify.getStatus()).isEqualTo(Status.UP);
      assertThat(String.valueOf(notify.getDetails().get("url")))
          .startsWith(context.getBean(NotifySimulator.class).baseUrl());
    });
  }

  @Test
  void messagesByStatusAreGauges() {
    runner().run(context -> {
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      context.getBean(NotifyMetrics.class).bindTo(meters);
      context.getBean(TransactionalMilestones.class).reached("CASE-M", "DECISION_MADE", applicant("m@example.com"));
      // The gauges read the outbox at most every ten seconds; the first read is now, after the milestone.
      assertThat(meters.get("stp.notify.messages").tag("status", "queued").gauge().value()).isEqualTo(1.0);
      assertThat(meters.get("stp.notify.messages").tag("status", "delivered").gauge().value()).isEqualTo(0.0);
      assertThat(meters.get("stp.notify.backlog.age").gauge().value()).isGreaterThanOrEqualTo(0.0);
    });
  }

  private static List<SimulatedNotification> sentTo(NotifySimulator simulator, String email) {
    return simulator.notifications().stream().filter(sent -> sent.recipient().equals(email)).toList();
  }

  private static List<Thread> dispatchThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().equals("notify-outcomes")).toList();
  }


  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void waitUntil(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited 30 seconds for: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for: " + what, e);
      }
    }
  }
}
