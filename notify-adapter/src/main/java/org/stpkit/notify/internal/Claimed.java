package org.stpkit.notify.internal;

import java.util.List;
import java.util.Optional;
import org.stpkit.notify.Channel;

/**
 * A message a node has claimed to send: everything its request needs.
 *
 * @param attempts this attempt's number, counting from 1; above 1 the message is looked up in Notify before it is sent
 * @param service the Notify service's name; {@code ""} for the default
 * @param templateId empty for a letter the service made as a PDF
 */
public record Claimed(String id, Channel channel, String service, Optional<String> templateId, String recipient,
    String personalisationJson, String reference, int attempts, Optional<String> emailReplyToId,
    Optional<String> smsSenderId, Optional<String> unsubscribeUrl, Optional<String> postage, List<File> files) {

  /** A file sent with the message: an emailed file, or a letter's PDF ({@code placeholder} ""). */
  public record File(String placeholder, String filename, byte[] content, boolean confirmEmailBeforeDownload,
      int retentionWeeks) {}

  public Claimed {
    files = List.copyOf(files);
  }

  /** Requests this attempt may make: a retry looks the message up first. */
  int requests() {
    return attempts > 1 ? 2 : 1;
  }
}
