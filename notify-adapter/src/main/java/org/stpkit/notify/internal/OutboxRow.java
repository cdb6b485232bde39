package org.stpkit.notify.internal;

import java.util.List;
import java.util.Optional;
import org.stpkit.notify.Channel;
import org.stpkit.notify.Priority;

/**
 * A message as the outbox stores it, prepared from a milestone's message and the case data.
 *
 * @param recipientKey the normalised recipient: the same milestone reached again for the same case
 *     and recipient writes nothing new
 * @param recipient the email address or mobile number, or a letter's first line (shown in timelines)
 * @param service the Notify service's name; {@code ""} for the messenger's default service
 */
public record OutboxRow(String id, String caseRef, String milestone, String messageName, String recipientKey,
    Channel channel, Optional<String> templateId, String recipient, String personalisationJson, String notifyReference,
    Priority priority, String service, Optional<String> emailReplyToId, Optional<String> smsSenderId,
    Optional<String> unsubscribeUrl, Optional<String> postage, List<Attachment> attachments) {

  /** A file kept with its message until Notify has it: an emailed file, or a letter's PDF ({@code placeholder} ""). */
  public record Attachment(String placeholder, String filename, byte[] content, boolean confirmEmailBeforeDownload,
      int retentionWeeks) {}

  public OutboxRow {
    attachments = List.copyOf(attachments);
  }
}
