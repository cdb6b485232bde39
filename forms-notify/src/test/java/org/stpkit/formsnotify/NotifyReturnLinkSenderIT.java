package org.stpkit.formsnotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.spi.ReturnLink;
import org.stpkit.formsoutbox.FormsDatabase;
import org.stpkit.notify.MilestoneCatalogue;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;

/**
 * Save-and-return links sent through notify-adapter (its outbox in the forms database, H2) to the
 * Notify simulator, which checks the templates and JWTs as Notify does: the user's address, the link
 * and its expiry in the email, in the user's language, once per link.
 */
class NotifyReturnLinkSenderIT {
  private static final SimulatedTemplate ENGLISH = new SimulatedTemplate("0b5c3f1e-2d4a-4e6b-8c7d-9e0f1a2b3c44",
      TemplateType.EMAIL, "Return link", Optional.of("Your saved application: ((form))"),
      "Continue your application: ((link)) The link works once, until ((expires)).", 1);
  private static final SimulatedTemplate WELSH = new SimulatedTemplate("1c6d4a2f-3e5b-4f7c-9d8e-0f1a2b3c4d55",
      TemplateType.EMAIL, "Dolen i ddod yn ôl", Optional.of("Eich cais wedi’i gadw: ((form))"),
      "Parhau gyda’ch cais: ((link)) Mae’r ddolen yn gweithio unwaith, tan ((expires)).", 1);

  private NotifySimulator notify;
  private MilestoneMessenger messenger;

  @BeforeEach
  void start() {
    notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(ENGLISH, WELSH)));
    messenger = MilestoneMessenger.builder()
        .catalogue(MilestoneCatalogue.load(Path.of("src/test/resources/return-links.yaml")))
        .dataSource(FormsDatabase.inMemory().dataSource())
        .notify(notify.apiKey(KeyType.LIVE), notify.baseUrl())
        .dispatchInBackground(false)
        .build();
  }

  @AfterEach
  void stop() {
    messenger.close();
    notify.close();
  }

  private static ReturnLink link(String id, String email, String language, String expiresOn) {
    return new ReturnLink(id, "community-grant", "Apply for a community grant", email,
        "https://grants.example.gov.uk/apply/return/" + id + "-secret", Instant.parse("2027-01-03T10:00:00Z"), expiresOn,
        language);
  }

  @Test
  void sendsTheLinkToTheAddressGivenInTheUsersLanguageOncePerLink() {
    NotifyReturnLinkSender sender = NotifyReturnLinkSender.milestone(messenger, "PROGRESS_SAVED");
    sender.send(link("a1", "jo@example.com", "en", "3 January 2027"));
    sender.send(link("a1", "jo@example.com", "en", "3 January 2027"));
    sender.send(link("b2", "sian@example.com", "cy", "3 Ionawr 2027"));
    messenger.dispatchNow();

    List<SimulatedNotification> sent = notify.notifications();
    assertThat(sent).hasSize(2);
    assertThat(sent).filteredOn(n -> n.templateId().equals(ENGLISH.id())).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo("jo@example.com");
      assertThat(n.body()).isEqualTo("Continue your application: https://grants.example.gov.uk/apply/return/a1-secret"
          + " The link works once, until 3 January 2027.");
    });
    assertThat(sent).filteredOn(n -> n.templateId().equals(WELSH.id())).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo("sian@example.com");
      assertThat(n.body()).contains("/apply/return/b2-secret").endsWith("tan 3 Ionawr 2027.");
    });
    assertThat(messenger.timeline("save-a1")).hasSize(1);
  }

  @Test
  void refusesAMilestoneTheCatalogueDoesNotHaveAndAnAddressNotifyWouldRefuse() {
    assertThatThrownBy(() -> NotifyReturnLinkSender.milestone(messenger, "SAVED"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The milestone catalogue has no milestone 'SAVED' to send save-and-return links with; it has"
            + " PROGRESS_SAVED");
    NotifyReturnLinkSender sender = NotifyReturnLinkSender.milestone(messenger, "PROGRESS_SAVED");
    assertThatThrownBy(() -> sender.send(link("c3", "not an address", "en", "3 January 2027")))
        .isInstanceOf(org.stpkit.notify.InvalidCaseDataException.class).hasMessageContaining("email");
  }
}
