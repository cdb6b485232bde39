package org.stpkit.notifysimulator;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification the simulator accepted, as its inspection API shows it.
 *
 * @param recipient the email address, phone number as sent, or the letter's first address line
 */
public record SimulatedNotification(
    String id,
    Optional<String> reference,
    TemplateType type,
    String templateId,
    KeyType keyType,
    String recipient,
    Map<String, Object> personalisation,
    Optional<String> subject,
    String body,
    String status,
    Instant createdAt) {

  public SimulatedNotification {
    Objects.requireNonNull(id, "id");
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
  }
}
