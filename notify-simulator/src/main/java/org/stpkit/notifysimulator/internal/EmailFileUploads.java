package org.stpkit.notifysimulator.internal;

import java.net.URLConnection;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stpkit.notifyrules.EmailFiles;
import org.stpkit.notifysimulator.TemplateType;

/**
 * Files sent by email: a personalisation value {@code {"file": base64, "filename", "confirm_email_before_download",
 * "retention_period"}}, checked as Notify checks it (its API's schema first, then its document service's size and
 * type checks), each refusal with Notify's error type and message.
 */
final class EmailFileUploads {
  private static final Pattern WEEKS = Pattern.compile("^(\\d+) weeks?$");
  private static final int MAX_FILENAME_LENGTH = 100;

  /** A file Notify would take, before it is given its link. */
  record Upload(Optional<String> filename, byte[] content, boolean confirmEmailBeforeDownload, int retentionWeeks) {}

  private EmailFileUploads() {}

  /** The files among the personalisation values, by placeholder; empty when there are none. */
  static Map<String, Upload> check(TemplateType type, Map<String, Object> personalisation) throws NotifyError.Rejected {
    Map<String, Upload> uploads = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : personalisation.entrySet()) {
      if (entry.getValue() instanceof Map<?, ?> value && value.containsKey("file")) {
        if (type != TemplateType.EMAIL) {
          throw NotifyError.badRequest("Can only send a file by email").rejected();
        }
        uploads.put(entry.getKey(), upload(value));
      }
    }
    return uploads;
  }

  private static Upload upload(Map<?, ?> value) throws NotifyError.Rejected {
    Object confirm = value.get("confirm_email_before_download");
    if (confirm != null && !(confirm instanceof Boolean)) {
      throw NotifyError.validation("Unsupported value for confirm_email_before_download: " + confirm
          + ". Use a boolean true or false value.").rejected();
    }
    int weeks = retentionWeeks(value.get("retention_period"));
    Object filename = value.get("filename");
    if (filename != null && !(filename instanceof String name && name.contains("."))) {
      throw NotifyError.validation("`filename` must end with a file extension. For example, filename.csv").rejected();
    }
    byte[] content;
    try {
      content = Base64.getDecoder().decode(String.valueOf(value.get("file")));
    } catch (IllegalArgumentException e) {
      throw NotifyError.badRequest("Document is not base64 encoded").rejected();
    }
    if (content.length > EmailFiles.MAX_BYTES) {
      throw NotifyError.badRequest("File is larger than 2MB").rejected();
    }
    Optional<String> name = Optional.ofNullable((String) filename);
    if (name.isPresent() && name.get().length() > MAX_FILENAME_LENGTH) {
      throw NotifyError.badRequest("`filename` cannot be longer than 100 characters").rejected();
    }
    refuseUnsupportedType(name);
    return new Upload(name, content, !Boolean.FALSE.equals(confirm), weeks);
  }

  /** Notify's {@code retention_period}: "1 week" to "78 weeks"; 26 weeks when left out. */
  private static int retentionWeeks(Object period) throws NotifyError.Rejected {
    if (period == null) {
      return EmailFiles.DEFAULT_RETENTION_WEEKS;
    }
    if (period instanceof String text) {
      Matcher matcher = WEEKS.matcher(text.strip().toLowerCase(Locale.ROOT));
      if (matcher.matches() && matcher.group(1).length() < 4) {
        int weeks = Integer.parseInt(matcher.group(1));
        if (weeks >= EmailFiles.MIN_RETENTION_WEEKS && weeks <= EmailFiles.MAX_RETENTION_WEEKS) {
          return weeks;
        }
      }
    }
    throw NotifyError.validation("Unsupported value for retention_period: " + period
        + ". Supported periods are from 1 to 78 weeks.").rejected();
  }

  /**
   * The type comes from the filename's extension when there is one; without one Notify sniffs the
   * content, which the simulator does only as far as telling a PDF from text.
   */
  private static void refuseUnsupportedType(Optional<String> filename) throws NotifyError.Rejected {
    if (filename.isEmpty()) {
      return;
    }
    String name = filename.get();
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (!EmailFiles.EXTENSIONS.contains(extension)) {
      String mimeType = Optional.ofNullable(URLConnection.guessContentTypeFromName(name)).orElse("application/octet-stream");
      String supported = String.join(", ", EmailFiles.EXTENSIONS.stream().sorted().map(ext -> "'." + ext + "'").toList());
      throw NotifyError.badRequest("Unsupported file type '" + mimeType + "'. Supported types are: " + supported)
          .rejected();
    }
  }

  /** The content type a downloaded file is served with. */
  static String contentType(Optional<String> filename, byte[] content) {
    Optional<String> guessed = filename.map(URLConnection::guessContentTypeFromName);
    if (guessed.isPresent()) {
      return guessed.get();
    }
    return LetterPdfs.isPdf(content) ? "application/pdf" : "text/plain";
  }
}
