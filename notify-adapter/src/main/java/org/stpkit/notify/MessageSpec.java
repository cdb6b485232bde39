package org.stpkit.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stpkit.notifyrules.EmailFiles;
import org.stpkit.notifyrules.Postage;

/**
 * One message a milestone sends: on the first channel in {@link #channels()} whose recipient is in
 * the case data ("email if present, else letter"), with that channel's template, personalisation
 * taken from case-data paths, and only when its condition holds. A letter can instead be a PDF the
 * service made ({@link #letterPdf()}).
 *
 * @param templateIds channel → Notify template id (none for a letter from a PDF)
 * @param recipients channel → the case-data path of the email address, mobile number or postal
 *     address (a list of lines, or a map of lines); none for a letter from a PDF, whose address is in the PDF
 * @param personalisation placeholder → case-data path ({@code caseRef} is the case reference)
 * @param files placeholder → a file sent by email (the case-data value at its path is a {@link CaseFile})
 * @param letterPdf the case-data path of a letter's PDF ({@link CaseFile} or bytes): a precompiled letter
 * @param postage a precompiled letter's postage (Notify's default, second class, when empty)
 * @param emailReplyToId the id of one of the service's reply-to addresses in Notify
 * @param smsSenderId the id of one of the service's text message senders in Notify
 * @param unsubscribeUrl the case-data path of a one-click unsubscribe URL, for emails that are not transactional
 */
public record MessageSpec(
    String name,
    List<Channel> channels,
    Map<Channel, String> templateIds,
    Map<Channel, String> recipients,
    Map<String, String> personalisation,
    Map<String, FileSpec> files,
    Optional<String> letterPdf,
    Optional<Postage> postage,
    Optional<String> emailReplyToId,
    Optional<String> smsSenderId,
    Optional<String> unsubscribeUrl,
    Priority priority,
    Optional<When> when) {

  /** A message's condition: the value at {@code path} equals a value, or is present. */
  public record When(String path, Optional<String> equals) {
    public When {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(equals, "equals");
    }

    boolean holds(CaseData data) {
      Optional<Object> value = data.at(path);
      return equals.map(expected -> value.map(Object::toString).filter(expected::equals).isPresent())
          .orElse(value.filter(v -> !v.toString().isBlank()).isPresent());
    }
  }

  /**
   * A file sent by email: where it is in the case data, whether the recipient must confirm their
   * email address before downloading it (Notify's default: yes) and how long Notify keeps it.
   */
  public record FileSpec(String path, boolean confirmEmailBeforeDownload, int retentionWeeks) {
    public FileSpec {
      Objects.requireNonNull(path, "path");
    }

    /** A file at a case-data path with Notify's defaults: confirm the email, keep 26 weeks. */
    public static FileSpec at(String path) {
      return new FileSpec(path, true, EmailFiles.DEFAULT_RETENTION_WEEKS);
    }
  }

  public MessageSpec {
    Objects.requireNonNull(name, "name");
    channels = List.copyOf(channels);
    templateIds = Map.copyOf(templateIds);
    recipients = Map.copyOf(recipients);
    personalisation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(personalisation));
    files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    Objects.requireNonNull(letterPdf, "letterPdf");
    Objects.requireNonNull(postage, "postage");
    Objects.requireNonNull(emailReplyToId, "emailReplyToId");
    Objects.requireNonNull(smsSenderId, "smsSenderId");
    Objects.requireNonNull(unsubscribeUrl, "unsubscribeUrl");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(when, "when");
  }

  /** Whether the message is sent for this case data. */
  public boolean appliesTo(CaseData data) {
    return when.map(condition -> condition.holds(data)).orElse(true);
  }

  /** Whether this is a letter the service made as a PDF (no template). */
  public boolean isPrecompiledLetter() {
    return letterPdf.isPresent();
  }
}
