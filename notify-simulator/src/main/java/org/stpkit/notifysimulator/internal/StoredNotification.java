package org.stpkit.notifysimulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.stpkit.notifyrules.Postage;
import org.stpkit.notifyrules.Recipients;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotificationStatus;
import org.stpkit.notifysimulator.SimulatedFile;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.TemplateType;

/**
 * A notification the service accepted. Its status moves on with time; the status fields are guarded
 * by the lock of the {@link ServiceState} that holds it. The subject and body are not kept but
 * filled from the template when read: most messages are never read back, and a filled body is most
 * of a message's size.
 */
final class StoredNotification {
  final int position;
  final String id;
  final String service;
  final @Nullable String reference;
  final TemplateType type;
  final SimulatedTemplate template;
  final KeyType keyType;
  /** The email address or phone number as sent, or the letter's first address line. */
  final String recipient;
  final List<String> addressLines;
  final Map<String, Object> personalisation;
  final Postage postage;
  final Optional<String> emailReplyToId;
  final Optional<String> smsSenderId;
  final String fromNumber;
  final Optional<String> unsubscribeUrl;
  final Map<String, SimulatedFile> files;
  final Optional<byte[]> letterPdf;
  final Instant createdAt;
  NotificationStatus status;
  @Nullable Instant sentAt;
  @Nullable Instant completedAt;

  /** @param files the send's files by placeholder, with their links: the personalisation holds the links */
  StoredNotification(int position, String id, String service, @Nullable String reference, KeyType keyType,
      CheckedSend send, Map<String, SimulatedFile> files, Instant createdAt) {
    this.position = position;
    this.id = id;
    this.service = service;
    this.reference = reference;
    this.type = send.template().type();
    this.template = send.template();
    this.keyType = keyType;
    this.recipient = send.recipient();
    this.addressLines = send.addressLines();
    if (files.isEmpty()) {
      this.personalisation = send.personalisation();
    } else {
      Map<String, Object> values = new LinkedHashMap<>(send.personalisation());
      files.forEach((placeholder, file) -> values.put(placeholder, file.link()));
      this.personalisation = values;
    }
    this.postage = send.postage();
    this.emailReplyToId = send.emailReplyToId();
    this.smsSenderId = send.smsSenderId();
    this.fromNumber = send.fromNumber();
    this.unsubscribeUrl = send.unsubscribeUrl();
    this.files = files.isEmpty() ? Map.of() : Map.copyOf(files);
    this.letterPdf = send.letterPdf();
    this.createdAt = createdAt;
    this.status = send.isPrecompiledLetter() ? NotificationStatus.PENDING_VIRUS_CHECK
        : type == TemplateType.LETTER ? NotificationStatus.ACCEPTED : NotificationStatus.CREATED;
  }

  boolean isPrecompiledLetter() {
    return letterPdf.isPresent();
  }

  @Nullable String subject() {
    return template.subject().map(subject -> Placeholders.fill(subject, personalisation)).orElse(null);
  }

  String body() {
    return Placeholders.fill(template.body(), personalisation);
  }

  /**
   * Moves the status on by time: test keys' messages end at once; others are sending after half the
   * delivery delay (letters skip it) and end after all of it.
   *
   * @return whether it has just reached its final status
   */
  boolean advance(Instant now, Duration deliveryDelay) {
    if (status.isFinal()) {
      return false;
    }
    long delay = deliveryDelay.toMillis();
    long age = now.toEpochMilli() - createdAt.toEpochMilli();
    if (keyType == KeyType.TEST || age >= delay) {
      if (type != TemplateType.LETTER) {
        sentAt = createdAt;
      }
      completedAt = keyType == KeyType.TEST ? createdAt : createdAt.plusMillis(delay);
      status = finalStatus();
      return true;
    }
    if (age >= delay / 2 && type != TemplateType.LETTER) {
      status = NotificationStatus.SENDING;
      sentAt = createdAt.plusMillis(delay / 2);
    } else if (age >= delay / 2 && isPrecompiledLetter()) {
      // Checked and found clean: accepted for printing.
      status = NotificationStatus.ACCEPTED;
    }
    return false;
  }

  /** As in Notify, test keys see only test messages and other keys never see them. */
  boolean visibleTo(KeyType key) {
    return (key == KeyType.TEST) == (keyType == KeyType.TEST);
  }

  SimulatedNotification toSimulated() {
    return new SimulatedNotification(id, service, Optional.ofNullable(reference), type, template.id(), keyType, recipient,
        personalisation, Optional.ofNullable(subject()), body(), status, createdAt, emailReplyToId, smsSenderId,
        unsubscribeUrl, files, type == TemplateType.LETTER ? Optional.of(postage.apiName()) : Optional.empty(), letterPdf);
  }

  /** Notify's simulated recipients fail; everyone else is delivered (letters received). */
  private NotificationStatus finalStatus() {
    return switch (type) {
      case EMAIL -> switch (recipient.toLowerCase(java.util.Locale.ROOT)) {
        case "temp-fail@simulator.notify" -> NotificationStatus.TEMPORARY_FAILURE;
        case "perm-fail@simulator.notify" -> NotificationStatus.PERMANENT_FAILURE;
        default -> NotificationStatus.DELIVERED;
      };
      case SMS -> switch (Recipients.ukMobile(recipient).value().orElse("")) {
        case "07700900003" -> NotificationStatus.TEMPORARY_FAILURE;
        case "07700900002" -> NotificationStatus.PERMANENT_FAILURE;
        default -> NotificationStatus.DELIVERED;
      };
      case LETTER -> NotificationStatus.RECEIVED;
    };
  }
}
