package org.stpkit.notify.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.stpkit.definition.Problem;
import org.stpkit.notify.CaseData;
import org.stpkit.notify.CaseFile;
import org.stpkit.notify.Channel;
import org.stpkit.notify.MessageSpec;
import org.stpkit.notify.MilestoneCatalogue;
import org.stpkit.notify.NotifyException;
import org.stpkit.notifyrules.Checked;
import org.stpkit.notifyrules.EmailFiles;

/**
 * Turns one of a milestone's messages and a case's data into an outbox row: the channel whose
 * recipient the case has, the recipient checked with Notify's rules, every personalisation value,
 * files and PDFs. Every problem is collected, each naming the case-data field, so that a caller
 * hears all of them at once.
 */
public final class MessagePreparation {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MessagePreparation() {}

  /** The row for a message, or empty with its problems added. */
  public static Optional<OutboxRow> prepare(String caseRef, String milestone, String service, MessageSpec message,
      CaseData data, List<Problem> problems) {
    if (message.isPrecompiledLetter()) {
      return precompiledLetter(caseRef, milestone, service, message, data, problems);
    }
    Optional<Channel> channel = message.channels().stream()
        .filter(candidate -> data.at(message.recipients().get(candidate)).filter(v -> !v.toString().isBlank()).isPresent())
        .findFirst();
    if (channel.isEmpty()) {
      List<String> paths = message.channels().stream().map(candidate -> message.recipients().get(candidate)).toList();
      problems.add(problem(String.join(" or ", paths), "no recipient for message '" + message.name()
          + "': the case data has none of " + String.join(", ", paths)));
      return Optional.empty();
    }
    String recipientPath = message.recipients().get(channel.get());
    Object recipientValue = data.at(recipientPath).orElseThrow();
    Recipients.Checked recipient = switch (channel.get()) {
      case EMAIL -> Recipients.email(recipientValue);
      case SMS -> Recipients.ukMobile(recipientValue);
      case LETTER -> Recipients.letterAddress(recipientValue);
    };
    if (recipient.problem().isPresent()) {
      // The rest of this message is not worth checking until it has someone to go to.
      problems.add(problem(recipientPath, recipient.problem().get()));
      return Optional.empty();
    }
    Map<String, Object> personalisation = personalisation(caseRef, message, data, problems);
    List<OutboxRow.Attachment> attachments = channel.get() == Channel.EMAIL ? files(message, data, problems) : List.of();
    Optional<String> unsubscribe = channel.get() == Channel.EMAIL ? unsubscribeUrl(message, data, problems) : Optional.empty();
    if (personalisation == null || attachments == null) {
      return Optional.empty();
    }
    String recipientText;
    String recipientKey;
    if (channel.get() == Channel.LETTER) {
      @SuppressWarnings("unchecked")
      List<String> lines = (List<String>) recipient.value().orElseThrow();
      for (int i = 0; i < lines.size(); i++) {
        personalisation.put("address_line_" + (i + 1), lines.get(i));
      }
      recipientText = lines.get(0);
      recipientKey = "letter:" + String.join("|", lines).toLowerCase(Locale.ROOT);
    } else {
      recipientText = recipient.value().orElseThrow().toString();
      recipientKey = channel.get().apiName() + ":" + recipientText.toLowerCase(Locale.ROOT);
    }
    String id = UUID.randomUUID().toString();
    return Optional.of(new OutboxRow(id, caseRef, milestone, message.name(), recipientKey, channel.get(),
        Optional.of(message.templateIds().get(channel.get())), recipientText, json(personalisation, message),
        "stp-" + id, message.priority(), service,
        channel.get() == Channel.EMAIL ? message.emailReplyToId() : Optional.empty(),
        channel.get() == Channel.SMS ? message.smsSenderId() : Optional.empty(),
        unsubscribe, Optional.empty(), attachments));
  }

  private static Optional<OutboxRow> precompiledLetter(String caseRef, String milestone, String service,
      MessageSpec message, CaseData data, List<Problem> problems) {
    String path = message.letterPdf().orElseThrow();
    Optional<CaseFile> pdf = file(data, path, "letter.pdf");
    if (pdf.isEmpty()) {
      problems.add(problem(path, "missing; message '" + message.name() + "' is a letter from this PDF"));
      return Optional.empty();
    }
    byte[] content = pdf.get().content();
    if (content.length < 5 || !new String(content, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      problems.add(problem(path, "not a PDF (a PDF starts with %PDF-): message '" + message.name() + "' is a letter from it"));
      return Optional.empty();
    }
    String id = UUID.randomUUID().toString();
    // One letter per case, milestone and message: the address is inside the PDF, so it cannot tell letters apart.
    return Optional.of(new OutboxRow(id, caseRef, milestone, message.name(), "letter-pdf", Channel.LETTER,
        Optional.empty(), pdf.get().filename(), "{}", "stp-" + id, message.priority(), service, Optional.empty(),
        Optional.empty(), Optional.empty(), message.postage().map(postage -> postage.apiName()),
        List.of(new OutboxRow.Attachment("", pdf.get().filename(), content, false, 0))));
  }

  /** The personalisation values, or null when one is missing (each added to problems). */
  private static Map<String, Object> personalisation(String caseRef, MessageSpec message, CaseData data,
      List<Problem> problems) {
    Map<String, Object> personalisation = new LinkedHashMap<>();
    boolean complete = true;
    for (Map.Entry<String, String> binding : message.personalisation().entrySet()) {
      Optional<Object> value = binding.getValue().equals(MilestoneCatalogue.CASE_REF) ? Optional.of(caseRef)
          : data.at(binding.getValue());
      if (value.isEmpty() || value.get().toString().isBlank()) {
        problems.add(problem(binding.getValue(), "missing; message '" + message.name() + "' needs it for (("
            + binding.getKey() + "))"));
        complete = false;
        continue;
      }
      personalisation.put(binding.getKey(), plain(value.get()));
    }
    return complete ? personalisation : null;
  }

  /** The message's files, checked with Notify's rules; null when one is missing or refused. */
  private static List<OutboxRow.Attachment> files(MessageSpec message, CaseData data, List<Problem> problems) {
    List<OutboxRow.Attachment> attachments = new ArrayList<>();
    boolean complete = true;
    for (Map.Entry<String, MessageSpec.FileSpec> entry : message.files().entrySet()) {
      MessageSpec.FileSpec spec = entry.getValue();
      Optional<CaseFile> file = file(data, spec.path(), "");
      if (file.isEmpty()) {
        problems.add(problem(spec.path(), "missing; message '" + message.name() + "' sends it as ((" + entry.getKey() + "))"));
        complete = false;
        continue;
      }
      Checked<String> checked = EmailFiles.check(file.get().filename(), file.get().size(), spec.retentionWeeks());
      if (checked.refusal().isPresent()) {
        problems.add(problem(spec.path(), "Notify would refuse file '" + file.get().filename() + "': "
            + checked.refusal().get().notifyMessage()));
        complete = false;
        continue;
      }
      attachments.add(new OutboxRow.Attachment(entry.getKey(), file.get().filename(), file.get().content(),
          spec.confirmEmailBeforeDownload(), spec.retentionWeeks()));
    }
    return complete ? attachments : null;
  }

  private static Optional<String> unsubscribeUrl(MessageSpec message, CaseData data, List<Problem> problems) {
    if (message.unsubscribeUrl().isEmpty()) {
      return Optional.empty();
    }
    String path = message.unsubscribeUrl().get();
    Optional<String> url = data.at(path).map(Object::toString).filter(value -> !value.isBlank());
    if (url.isEmpty()) {
      problems.add(problem(path, "missing; message '" + message.name() + "' needs its one-click unsubscribe URL"));
      return Optional.empty();
    }
    try {
      URI uri = URI.create(url.get());
      if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
        return url;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    problems.add(problem(path, "'" + url.get() + "' is not an https URL, which Notify needs for one-click unsubscribe"));
    return Optional.empty();
  }

  /** A file at a case-data path: a {@link CaseFile}, or bytes (named {@code defaultName}). */
  private static Optional<CaseFile> file(CaseData data, String path, String defaultName) {
    return data.at(path).flatMap(value -> {
      if (value instanceof CaseFile file) {
        return Optional.of(file);
      }
      if (value instanceof byte[] bytes && !defaultName.isEmpty()) {
        return Optional.of(CaseFile.of(defaultName, bytes));
      }
      return Optional.empty();
    });
  }

  /** A case-data value as Notify personalisation: text, or a list of text (shown as a bulleted list). */
  private static Object plain(Object value) {
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(item -> items.add(String.valueOf(item)));
      return items;
    }
    return value.toString();
  }

  private static String json(Map<String, Object> personalisation, MessageSpec message) {
    try {
      return JSON.writeValueAsString(personalisation);
    } catch (JsonProcessingException e) {
      throw new NotifyException("Cannot write the personalisation of message '" + message.name() + "'", e);
    }
  }

  /** Case-data problems name the field; they belong to no file. */
  private static Problem problem(String field, String message) {
    return Problem.of("", field, message);
  }
}
