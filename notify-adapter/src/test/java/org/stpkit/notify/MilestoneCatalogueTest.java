package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.stpkit.definition.Problem;

class MilestoneCatalogueTest {
  @Test
  void loadsMilestonesFromYaml() {
    MilestoneCatalogue catalogue = MilestoneCatalogue.load(Path.of("src/test/resources/milestones.yaml"));

    MessageSpec decision = catalogue.milestone("DECISION_MADE").orElseThrow().messages().get(0);
    assertThat(decision.channels()).containsExactly(Channel.EMAIL, Channel.LETTER);
    assertThat(decision.recipients()).containsEntry(Channel.LETTER, "applicant.address");
    assertThat(decision.personalisation()).containsEntry("reference", "caseRef");
    assertThat(catalogue.milestone("DECISION_MADE").orElseThrow().messages().get(1).when())
        .hasValue(new MessageSpec.When("applicant.wantsTexts", java.util.Optional.of("true")));
  }

  @Test
  void reportsEveryProblemAtOnceWithItsLineAndPath() {
    String yaml = String.join("\n",
        "milestones:",
        "  DECISION_MADE:",
        "    messages:",
        "      - name: decision",
        "        channels: [email, fax]",
        "        templates: {email: not-a-uuid}",
        "        personalisation: {name: ''}",
        "      - name: decision",
        "        channel: sms",
        "        template: 2b8e7c32-6d9a-4eaf-9c43-5a7b9d1f3e03",
        "        recipient: {phone: applicant.mobile, pigeon: applicant.loft}",
        "        colour: blue",
        "");

    assertThatThrownBy(() -> MilestoneCatalogue.fromYaml(yaml, "milestones.yaml"))
        .isInstanceOfSatisfying(InvalidCatalogueException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
            .containsExactly(
                "milestones.yaml:4:9: milestones.DECISION_MADE.messages[0].recipient.email: no recipient for the email channel: give the case-data path of the email",
                "milestones.yaml:5:27: milestones.DECISION_MADE.messages[0].channels[1]: unknown channel 'fax'; channels: email, sms, letter",
                "milestones.yaml:6:28: milestones.DECISION_MADE.messages[0].templates.email: 'not-a-uuid' is not a Notify template id (a UUID)",
                "milestones.yaml:7:33: milestones.DECISION_MADE.messages[0].personalisation.name: needs a case-data path",
                "milestones.yaml:8:15: milestones.DECISION_MADE.messages[1].name: message name 'decision' is used twice in DECISION_MADE; names keep a case from getting a message twice",
                "milestones.yaml:11:46: milestones.DECISION_MADE.messages[1].recipient.pigeon: unknown recipient; recipients: email, phone, address",
                "milestones.yaml:12:9: milestones.DECISION_MADE.messages[1].colour: unknown setting; settings: name, channel, channels, template, templates, recipient, personalisation, files, pdf, postage, emailReplyToId, smsSenderId, unsubscribeUrl, priority, when"));
  }
}
