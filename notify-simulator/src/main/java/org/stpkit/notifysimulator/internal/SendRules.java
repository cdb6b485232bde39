package org.stpkit.notifysimulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stpkit.notifyrules.Checked;
import org.stpkit.notifyrules.Postage;
import org.stpkit.notifyrules.Recipients;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;

/**
 * Notify's checks of a well-formed send against the service, in Notify's order and with its
 * messages: the template and its channel, the recipient (by notify-rules), team keys, complete
 * personalisation, postage.
 */
final class SendRules {
  private SendRules() {}

  static CheckedSend check(SimulatorConfig service, KeyType keyType, SendRequest send) throws NotifyError.Rejected {
    SimulatedTemplate template = service.templates().stream().filter(t -> t.id().equals(send.templateId())).findFirst()
        .orElseThrow(() -> NotifyError.badRequest("Template not found").rejected());
    if (template.type() != send.type()) {
      throw NotifyError.badRequest(template.type().apiName() + " template is not suitable for "
          + send.type().apiName() + " notification").rejected();
    }
    String recipient = send.recipient().orElse("");
    List<String> addressLines = List.of();
    switch (send.type()) {
      case EMAIL -> refuseUnless(Recipients.email(recipient), "email_address ");
      case SMS -> refuseUnless(Recipients.ukMobile(recipient), "phone_number ");
      case LETTER -> {
        if (keyType == KeyType.TEAM) {
          throw NotifyError.badRequest("Cannot send letters with a team api key").rejected();
        }
        addressLines = addressLines(send.personalisation());
        refuseUnless(Recipients.letterAddress(addressLines), "");
        recipient = addressLines.get(0);
      }
    }
    if (keyType == KeyType.TEAM && !isTeamMember(service, send.type(), recipient)) {
      throw NotifyError.badRequest("Can’t send to this recipient using a team-only API key").rejected();
    }
    requireEveryPlaceholder(template, send.personalisation());
    Postage postage = postage(send);
    return new CheckedSend(template, recipient, addressLines, send.personalisation(), postage);
  }

  /** Notify's "Missing personalisation: a, b" for the placeholders with no value. */
  static void requireEveryPlaceholder(SimulatedTemplate template, Map<String, Object> personalisation)
      throws NotifyError.Rejected {
    List<String> missing = new ArrayList<>();
    for (String name : Placeholders.names(template.subject().orElse(""), template.body())) {
      if (Placeholders.find(personalisation, name) == null) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw NotifyError.badRequest("Missing personalisation: " + String.join(", ", missing)).rejected();
    }
  }

  private static Postage postage(SendRequest send) throws NotifyError.Rejected {
    if (send.postage().isEmpty()) {
      return Postage.SECOND;
    }
    Optional<Postage> postage = Postage.fromApiName(send.postage().get());
    if (postage.isEmpty()) {
      throw NotifyError.validation("postage invalid. It must be " + String.join(", ", Postage.apiNames().subList(0, 4))
          + " or " + Postage.REST_OF_WORLD.apiName() + ".").rejected();
    }
    return postage.get();
  }

  private static void refuseUnless(Checked<?> checked, String field) throws NotifyError.Rejected {
    if (checked.refusal().isPresent()) {
      throw NotifyError.validation(field + checked.refusal().get().notifyMessage()).rejected();
    }
  }

  private static boolean isTeamMember(SimulatorConfig service, TemplateType type, String recipient) {
    if (type == TemplateType.EMAIL) {
      return service.teamEmails().stream().anyMatch(email -> email.equalsIgnoreCase(recipient));
    }
    Optional<String> number = Recipients.ukMobile(recipient).value();
    return service.teamPhones().stream().anyMatch(phone -> Recipients.ukMobile(phone).value().equals(number));
  }

  private static List<String> addressLines(Map<String, Object> personalisation) {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      Object line = Placeholders.find(personalisation, "address_line_" + i);
      if (line != null && !line.toString().isBlank()) {
        lines.add(line.toString().strip());
      }
    }
    return lines;
  }
}
