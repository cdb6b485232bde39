package org.stpkit.notifysimulator;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification the simulator accepted, as its inspection API shows it: what the client sent and
 * what Notify made of it.
 *
 * @param service the name of the service whose key sent it
 * @param recipient the email address, phone number as sent, the letter's first address line, or
 *     {@code Provided as PDF} for a letter sent as a PDF
 * @param personalisation values as Notify keeps them: a file's value is the link to it
 * @param files the files sent by email, by placeholder, as received
 * @param postage a letter's postage ({@code first}, {@code second}, ...)
 * @param letterPdf a letter sent as a PDF: the PDF as received
 */
public record SimulatedNotification(
    String id,
    String service,
    Optional<String> reference,
    TemplateType type,
    String templateId,
    KeyType keyType,
    String recipient,
    Map<String, Object> personalisation,
    Optional<String> subject,
    String body,
    NotificationStatus status,
    Instant createdAt,
    Optional<String> emailReplyToId,
    Optional<String> smsSenderId,
    Optional<String> oneClickUnsubscribeUrl,
    Map<String, SimulatedFile> files,
    Optional<String> postage,
    Optional<byte[]> letterPdf) {

  public SimulatedNotification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(recipient, "recipient");
    personalisation = Map.copyOf(personalisation);
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(emailReplyToId, "emailReplyToId");
    Objects.requireNonNull(smsSenderId, "smsSenderId");
    Objects.requireNonNull(oneClickUnsubscribeUrl, "oneClickUnsubscribeUrl");
    files = Map.copyOf(files);
    Objects.requireNonNull(postage, "postage");
    letterPdf = letterPdf.map(byte[]::clone);
  }

  /** A letter sent as a PDF: the PDF as received (a copy). */
  @Override
  public Optional<byte[]> letterPdf() {
    return letterPdf.map(byte[]::clone);
  }
}
