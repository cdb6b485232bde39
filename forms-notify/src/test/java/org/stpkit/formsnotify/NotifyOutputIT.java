package org.stpkit.formsnotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.SubmissionJson;
import org.stpkit.forms.spi.Submission;
import org.stpkit.formsoutbox.FormsDatabase;
import org.stpkit.formsoutbox.FormsOutbox;
import org.stpkit.formsoutbox.spi.Delivery;
import org.stpkit.formsoutbox.spi.RecordedSubmission;
import org.stpkit.notify.MilestoneCatalogue;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;

/**
 * A delivered submission becomes the user's confirmation email and the team's notification, through
 * notify-adapter (its outbox in the forms database) and the Notify simulator, which checks the
 * templates and the JWTs as Notify does.
 */
class NotifyOutputIT {
  private static final FormDefinition FORM = FormDefinitions.load(Path.of("src/test/resources/licence.yaml"));
  private static final SimulatedTemplate CONFIRMATION = new SimulatedTemplate("5e1f3c2a-1b7d-4c9e-9f0a-3d2b6c8e4a11",
      TemplateType.EMAIL, "Confirmation", Optional.of("Your application"), "Dear ((name)), your reference is ((reference)).", 1);
  private static final SimulatedTemplate TEAM = new SimulatedTemplate("7a2b4d6e-8f1c-4e3a-b5d7-9c0e2f4a6b22",
      TemplateType.EMAIL, "New application", Optional.of("New application ((reference))"),
      "Application ((reference)) to fish in the ((river)).", 1);

  private NotifySimulator notify;
  private FormsDatabase database;
  private MilestoneMessenger messenger;
  private NotifyOutput output;
  private FormsOutbox outbox;

  @BeforeEach
  void start() {
    notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(CONFIRMATION, TEAM)));
    database = FormsDatabase.inMemory();
    messenger = MilestoneMessenger.builder()
        .catalogue(MilestoneCatalogue.load(Path.of("src/test/resources/notify-milestones.yaml")))
        .dataSource(database.dataSource())
        .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl())
        .dispatchInBackground(false)
        .build();
    output = NotifyOutput.milestone(messenger, "LICENCE_APPLIED_FOR")
        .with("team", Map.of("email", "licensing@example.gov.uk"))
        .inFormsTransaction();
    outbox = FormsOutbox.builder(database).form("fishing-licence", form -> form.output("emails", output))
        .deliverInBackground(false).build();
  }

  @AfterEach
  void stop() {
    outbox.close();
    messenger.close();
    notify.close();
  }

  private static Submission submission(String name, Optional<String> email) {
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("name", name);
    email.ifPresent(address -> answers.put("email", address));
    answers.put("age", new BigDecimal("35"));
    answers.put("river", "Avon");
    return new Submission("fishing-licence", 2, "FL-ABCD-" + name.toUpperCase().substring(0, 4), answers,
        List.of("/name", "/age", "/river"), Instant.now().truncatedTo(ChronoUnit.MILLIS), Optional.empty());
  }

  @Test
  void sendsTheUsersConfirmationAndTheTeamsNotificationOnceEach() {
    Submission submission = submission("Jodie", Optional.of("jodie@example.com"));
    outbox.forForm(FORM).record("journey", submission);
    outbox.deliverNow();
    messenger.dispatchNow();
    // Delivered again (a retry, a redrive): nothing new is queued.
    output.deliver(delivery(submission));
    messenger.dispatchNow();

    List<SimulatedNotification> sent = notify.notifications();
    assertThat(sent).hasSize(2);
    assertThat(sent).filteredOn(n -> n.templateId().equals(CONFIRMATION.id())).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo("jodie@example.com");
      assertThat(n.body()).isEqualTo("Dear Jodie, your reference is " + submission.reference() + ".");
    });
    assertThat(sent).filteredOn(n -> n.templateId().equals(TEAM.id())).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo("licensing@example.gov.uk");
      assertThat(n.body()).isEqualTo("Application " + submission.reference() + " to fish in the Avon.");
    });
  }

  @Test
  void aSubmissionNotifyCannotUseIsADeadLetterWithNotifysReasons() {
    outbox.forForm(FORM).record("journey", submission("Samuel", Optional.empty()));
    outbox.deliverNow();
    messenger.dispatchNow();

    assertThat(notify.notifications()).isEmpty();
    assertThat(outbox.operations().failed()).singleElement().satisfies(failed ->
        assertThat(failed.reason()).startsWith("refused: milestone LICENCE_APPLIED_FOR: ").contains("answers.email"));
  }

  @Test
  void refusesAMilestoneTheCatalogueDoesNotHaveOrANameTheSubmissionHas() {
    assertThatThrownBy(() -> NotifyOutput.milestone(messenger, "LICENCE_ISSUED"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The milestone catalogue has no milestone 'LICENCE_ISSUED'; it has LICENCE_APPLIED_FOR");
    assertThatThrownBy(() -> output.with("answers", Map.of())).isInstanceOf(IllegalArgumentException.class);
  }

  /** A repeat of a delivery, as a retry would make it. */
  private Delivery delivery(Submission submission) {
    return new Delivery() {
      @Override
      public RecordedSubmission submission() {
        return new RecordedSubmission("repeat", submission.formId(), submission.formVersion(), submission.reference(),
            submission.submittedAt(), SubmissionJson.write(submission));
      }

      @Override
      public String idempotencyKey() {
        return "repeat";
      }

      @Override
      public int attempt() {
        return 2;
      }

      @Override
      public Connection transaction() {
        try {
          return database.dataSource().getConnection();
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
