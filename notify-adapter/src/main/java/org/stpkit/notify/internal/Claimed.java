package org.stpkit.notify.internal;

import java.util.List;
import java.util.Optional;
import org.stpkit.notify.Channel;

/**
 * A message a node has claimed to send: everything its request needs.
 *
 * @param attempts this attempt's number, counting from 1
 * @param lookUpFirst whether it is looked up in Notify before it is sent: on every retry, unless
 *     Notify answered the attempt before with a definite refusal to create it (a 429); and on
 *     the first attempt after an operator's redrive of a message attempted before it
 * @param undeliveredNotifyId the notification an earlier send made and Notify then failed to
 *     deliver: set only while a message that failed that way is sent again after a redrive. A
 *     lookup that finds it (and nothing newer) has found nothing to record: the redrive asks for a
 *     new one
 * @param service the Notify service's name; {@code ""} for the default
 * @param templateId empty for a letter the service made as a PDF
 */
public record Claimed(String id, Channel channel, String service, Optional<String> templateId, String recipient,
    String personalisationJson, String reference, int attempts, boolean lookUpFirst, Optional<String> undeliveredNotifyId,
    Optional<String> emailReplyToId,
    Optional<String> smsSenderId, Optional<String> unsubscribeUrl, Optional<String> postage, List<File> files) {

  /** A file sent with the message: an emailed file, or a letter's PDF ({@code placeholder} ""). */
  public record File(String placeholder, String filename, byte[] content, boolean confirmEmailBeforeDownload,
      int retentionWeeks) {}

  public Claimed {
    files = List.copyOf(files);
  }

  /** Requests this attempt may make: the lookup, if any, and the send. */
  int requests() {
    return lookUpFirst ? 2 : 1;
  }
}
