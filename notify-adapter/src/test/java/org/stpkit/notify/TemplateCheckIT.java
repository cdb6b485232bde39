package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.stpkit.definition.Problem;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;

/** The start-up check of the catalogue against the templates in Notify (the simulator). */
class TemplateCheckIT {
  private static JdbcDataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:notify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  @Test
  void theExampleTemplatesFitTheCatalogue() {
    try (NotifySimulator notify = NotifySimulator.start(SimulatorConfig.example())) {
      MilestoneMessenger messenger = MilestoneMessenger.builder()
          .catalogue(MilestoneCatalogue.load(Path.of("src/test/resources/milestones.yaml")))
          .dataSource(h2())
          .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl())
          .build();
      assertThat(messenger.catalogue().milestones()).hasSize(2);
    }
  }

  @Test
  void reportsEveryTemplateThatDoesNotFitAtOnce() {
    SimulatedTemplate email = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.EMAIL, "Decision",
        Optional.of("Decision on ((reference))"), "Dear ((name)), see ((link)).", 1);
    SimulatedTemplate sms = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.SMS, "Text", Optional.empty(),
        "Decision on ((reference))", 1);
    String missing = UUID.randomUUID().toString();
    MilestoneCatalogue catalogue = MilestoneCatalogue.builder()
        .milestone("DECISION_MADE", milestone -> milestone
            .message("email", message -> message.channels(Channel.EMAIL).template(Channel.EMAIL, email.id())
                .recipient(Channel.EMAIL, "applicant.email")
                .personalise("name", "applicant.firstName").personalise("reference", "caseRef"))
            .message("text", message -> message.channels(Channel.LETTER).template(Channel.LETTER, sms.id())
                .recipient(Channel.LETTER, "applicant.address"))
            .message("other", message -> message.channels(Channel.EMAIL).template(Channel.EMAIL, missing)
                .recipient(Channel.EMAIL, "applicant.email")))
        .build();
    try (NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(email, sms)))) {
      assertThatThrownBy(() -> MilestoneMessenger.builder().catalogue(catalogue).dataSource(h2())
          .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl()).build())
          .isInstanceOfSatisfying(InvalidCatalogueException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
              .containsExactly(
                  "milestones.DECISION_MADE.messages[0].personalisation: ((link)) in template 'Decision' is not bound to case data",
                  "milestones.DECISION_MADE.messages[1].templates.letter: template " + sms.id() + " ('Text') is a sms template, not letter",
                  "milestones.DECISION_MADE.messages[2].templates.email: template " + missing + " is not in Notify"));
    }
  }
}
