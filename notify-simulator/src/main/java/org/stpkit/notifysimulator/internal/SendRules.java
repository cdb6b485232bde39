package org.stpkit.notifysimulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.stpkit.notifyrules.Checked;
import org.stpkit.notifyrules.Postage;
import org.stpkit.notifyrules.Recipients;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatedService;
import org.stpkit.notifysimulator.TemplateType;

/**
 * Notify's checks of a well-formed send against the service, in Notify's order and with its
 * messages: the template and its channel, the recipient (by notify-rules), team keys, complete
 * personalisation, postage, the reply-to address or text sender named, files sent by email; and
 * letters sent as PDFs.
 */
final class SendRules {
  /** What texts come from when no sender is named: a service's default sender. */
  static final String DEFAULT_SENDER = "GOVUK";

  private SendRules() {}

  static CheckedSend check(SimulatedService service, KeyType keyType, SendRequest send) throws NotifyError.Rejected {
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
        refuseTeamKeyLetter(keyType);
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
    Optional<String> replyTo = send.emailReplyToId().filter(id -> send.type() == TemplateType.EMAIL);
    if (replyTo.isPresent() && service.emailReplyTos().stream().noneMatch(known -> known.id().equalsIgnoreCase(replyTo.get()))) {
      throw NotifyError.badRequest("email_reply_to_id " + replyTo.get() + " does not exist in database for service id "
          + service.serviceId()).rejected();
    }
    Optional<String> senderId = send.smsSenderId().filter(id -> send.type() == TemplateType.SMS);
    Optional<SimulatedService.SmsSender> sender = senderId.flatMap(id -> service.smsSenders().stream()
        .filter(known -> known.id().equalsIgnoreCase(id)).findFirst());
    if (senderId.isPresent() && sender.isEmpty()) {
      throw NotifyError.badRequest("sms_sender_id " + senderId.get() + " does not exist in database for service id "
          + service.serviceId()).rejected();
    }
    Map<String, EmailFileUploads.Upload> uploads = EmailFileUploads.check(send.type(), send.personalisation());
    return new CheckedSend(template, recipient, addressLines, send.personalisation(), postage, replyTo, senderId,
        sender.map(SimulatedService.SmsSender::sender).orElse(DEFAULT_SENDER), send.unsubscribeUrl(), uploads,
        Optional.empty());
  }

  /** A letter sent as a PDF: Notify's checks of the key and the PDF. */
  static CheckedSend checkPrecompiled(SimulatedService service, KeyType keyType, RequestParser.PrecompiledLetter letter)
      throws NotifyError.Rejected {
    refuseTeamKeyLetter(keyType);
    byte[] pdf;
    try {
      // Notify decodes as Python's b64decode does, skipping characters outside the alphabet.
      pdf = Base64.getMimeDecoder().decode(letter.content());
    } catch (IllegalArgumentException e) {
      throw NotifyError.badRequest("Cannot decode letter content (invalid base64 encoding)").rejected();
    }
    if (!LetterPdfs.isPdf(pdf)) {
      throw NotifyError.badRequest("Letter content is not a valid PDF").rejected();
    }
    Postage postage = Postage.fromApiName(letter.postage()).orElseThrow();
    return new CheckedSend(precompiledTemplate(service), CheckedSend.PROVIDED_AS_PDF, List.of(), Map.of(), postage,
        Optional.empty(), Optional.empty(), DEFAULT_SENDER, Optional.empty(), Map.of(), Optional.of(pdf));
  }

  /**
   * Notify keeps a hidden template per service for letters sent as PDFs; its id shows on them. Here
   * it is the same for a service every time, and not among the service's templates.
   */
  static SimulatedTemplate precompiledTemplate(SimulatedService service) {
    String id = UUID.nameUUIDFromBytes(("precompiled-letter-" + service.serviceId()).getBytes(StandardCharsets.UTF_8))
        .toString();
    return new SimulatedTemplate(id, TemplateType.LETTER, "Pre-compiled PDF", Optional.of("Pre-compiled PDF"), "", 1);
  }

  /** Notify answers 403 with a BadRequestError here, not an AuthError. */
  private static void refuseTeamKeyLetter(KeyType keyType) throws NotifyError.Rejected {
    if (keyType == KeyType.TEAM) {
      throw new NotifyError(403, "BadRequestError", "Cannot send letters with a team api key").rejected();
    }
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

  private static boolean isTeamMember(SimulatedService service, TemplateType type, String recipient) {
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
