package org.stpkit.notifysimulator.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stpkit.notifyrules.Postage;
import org.stpkit.notifysimulator.SimulatedTemplate;

/**
 * A send that passed Notify's checks, ready to store.
 *
 * @param recipient the email address or phone number as sent, the letter's first address line, or
 *     {@code Provided as PDF}
 * @param addressLines a letter's address; empty for other channels and letters sent as PDFs
 * @param fromNumber the text message sender Notify sends from: the one named, or the default
 * @param uploads files sent by email, by placeholder, not yet given their links
 * @param letterPdf a letter sent as a PDF
 */
record CheckedSend(SimulatedTemplate template, String recipient, List<String> addressLines,
    Map<String, Object> personalisation, Postage postage, Optional<String> emailReplyToId,
    Optional<String> smsSenderId, String fromNumber, Optional<String> unsubscribeUrl,
    Map<String, EmailFileUploads.Upload> uploads, Optional<byte[]> letterPdf) {

  /** What Notify shows as a letter's recipient until it has read the address from the PDF. */
  static final String PROVIDED_AS_PDF = "Provided as PDF";

  boolean isPrecompiledLetter() {
    return letterPdf.isPresent();
  }
}
