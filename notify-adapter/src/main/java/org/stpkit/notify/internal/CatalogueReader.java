package org.stpkit.notify.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stpkit.definition.LocatedDocument;
import org.stpkit.definition.LocatedNode;
import org.stpkit.definition.LocatedNode.Kind;
import org.stpkit.definition.Problem;
import org.stpkit.notify.Channel;
import org.stpkit.notify.InvalidCatalogueException;
import org.stpkit.notify.MessageSpec;
import org.stpkit.notify.MilestoneCatalogue;
import org.stpkit.notify.Priority;
import org.stpkit.notifyrules.EmailFiles;
import org.stpkit.notifyrules.Postage;

/**
 * Reads a milestone catalogue from YAML into {@link MilestoneCatalogue.Builder}: the shape of the
 * file is checked here (unknown keys, wrong kinds of value), the meaning by the builder; every
 * problem of both is reported at once at its line.
 */
public final class CatalogueReader {
  private static final List<String> TOP_KEYS = List.of("$schema", "service", "milestones");
  private static final List<String> MILESTONE_KEYS = List.of("service", "messages");
  private static final List<String> MESSAGE_KEYS = List.of("name", "channel", "channels", "template", "templates",
      "recipient", "personalisation", "files", "pdf", "postage", "emailReplyToId", "smsSenderId", "unsubscribeUrl",
      "priority", "when");
  private static final List<String> FILE_KEYS = List.of("path", "confirmEmailBeforeDownload", "retentionWeeks");

  private final String source;
  private final List<Problem> problems = new ArrayList<>();

  private CatalogueReader(String source) {
    this.source = source;
  }

  public static MilestoneCatalogue read(Path file) {
    return build(LocatedDocument.read(file));
  }

  public static MilestoneCatalogue parse(String yaml, String source) {
    return build(LocatedDocument.parse(yaml, source));
  }

  private static MilestoneCatalogue build(LocatedDocument document) {
    CatalogueReader reader = new CatalogueReader(document.source());
    reader.problems.addAll(document.problems());
    if (document.root().isEmpty()) {
      throw new InvalidCatalogueException(document.source(), reader.problems);
    }
    LocatedNode root = document.root().get();
    MilestoneCatalogue.Builder builder = MilestoneCatalogue.builder().source(document.source());
    reader.readTop(root, builder);
    try {
      MilestoneCatalogue catalogue = builder.build();
      if (!reader.problems.isEmpty()) {
        throw new InvalidCatalogueException(document.source(), reader.problems);
      }
      return catalogue;
    } catch (InvalidCatalogueException invalid) {
      // The builder knows paths, not lines: place each of its problems at its value in the file.
      Map<String, LocatedNode> byPath = new HashMap<>();
      index(root, byPath);
      List<Problem> all = new ArrayList<>(reader.problems);
      for (Problem problem : invalid.problems()) {
        if (problem.line() == 0 && !reader.problems.contains(problem)) {
          all.add(locate(problem, byPath));
        }
      }
      all.sort(Problem.IN_FILE_ORDER);
      throw new InvalidCatalogueException(document.source(), all.stream().distinct().toList());
    }
  }

  private void readTop(LocatedNode root, MilestoneCatalogue.Builder builder) {
    if (!expect(root, Kind.MAPPING, "a catalogue is a mapping with milestones")) {
      return;
    }
    knownKeys(root, TOP_KEYS);
    text(root, "service").ifPresent(builder::service);
    Optional<LocatedNode> milestones = root.get("milestones");
    if (milestones.isEmpty()) {
      problems.add(root.problem("a catalogue needs milestones: a map of name to messages"));
      return;
    }
    if (!expect(milestones.get(), Kind.MAPPING, "milestones is a map of milestone name to its messages")) {
      return;
    }
    milestones.get().entries().forEach((name, milestone) -> {
      if (!expect(milestone, Kind.MAPPING, "a milestone is a mapping with messages")) {
        return;
      }
      knownKeys(milestone, MILESTONE_KEYS);
      Optional<LocatedNode> messages = milestone.get("messages");
      if (messages.isEmpty() || !messages.get().is(Kind.LIST) || messages.get().items().isEmpty()) {
        problems.add(messages.orElse(milestone).problem("a milestone needs messages: a list"));
        return;
      }
      builder.milestone(name, built -> {
        text(milestone, "service").ifPresent(built::service);
        for (LocatedNode message : messages.get().items()) {
          readMessage(message, built);
        }
      });
    });
  }

  private void readMessage(LocatedNode node, MilestoneCatalogue.MilestoneBuilder milestone) {
    if (!expect(node, Kind.MAPPING, "a message is a mapping with name, channel, template, recipient...")) {
      milestone.message("", message -> message.channels(Channel.EMAIL));
      return;
    }
    knownKeys(node, MESSAGE_KEYS);
    milestone.message(text(node, "name").orElse(""), message -> {
      List<Channel> channels = channels(node);
      message.channels(channels.toArray(Channel[]::new));
      node.get("template").ifPresent(template -> {
        if (channels.size() == 1) {
          text(template).ifPresent(id -> message.template(channels.get(0), id));
        } else {
          problems.add(template.problem("with several channels, give templates: {email: ..., letter: ...}"));
        }
      });
      mapping(node, "templates", (key, value) -> channel(key, node.get("templates").orElseThrow().keyNode(key))
          .ifPresent(channel -> text(value).ifPresent(id -> message.template(channel, id))));
      mapping(node, "recipient", (key, value) -> recipientChannel(key, node.get("recipient").orElseThrow())
          .ifPresent(channel -> text(value).ifPresent(path -> message.recipient(channel, path))));
      mapping(node, "personalisation", (key, value) -> message.personalise(key, value.text()));
      mapping(node, "files", (key, value) -> file(value).ifPresent(file -> message.file(key, file)));
      readLetterPdf(node, message);
      text(node, "emailReplyToId").ifPresent(message::emailReplyToId);
      text(node, "smsSenderId").ifPresent(message::smsSenderId);
      text(node, "unsubscribeUrl").ifPresent(message::unsubscribeUrl);
      node.get("priority").ifPresent(priority -> priority(priority).ifPresent(message::priority));
      node.get("when").ifPresent(when -> readWhen(when, message));
    });
  }

  private void readLetterPdf(LocatedNode node, MilestoneCatalogue.MessageBuilder message) {
    Optional<Postage> postage = node.get("postage").flatMap(this::postage);
    Optional<String> pdf = text(node, "pdf");
    if (pdf.isPresent()) {
      if (postage.isPresent()) {
        message.letterPdf(pdf.get(), postage.get());
      } else {
        message.letterPdf(pdf.get());
      }
    } else if (node.has("postage")) {
      problems.add(node.get("postage").orElseThrow().problem(
          "postage is for letters from a PDF; a template letter's postage is set on its template in Notify"));
    }
  }

  private void readWhen(LocatedNode when, MilestoneCatalogue.MessageBuilder message) {
    if (!expect(when, Kind.MAPPING, "a condition is {path: ..., equals: ...} or {path: ...} for \"has a value\"")) {
      return;
    }
    knownKeys(when, List.of("path", "equals"));
    Optional<String> path = text(when, "path");
    if (path.isEmpty()) {
      problems.add(when.problem("a condition needs a path, and equals or nothing (present)"));
    } else if (when.has("equals")) {
      message.when(path.get(), when.get("equals").orElseThrow().text());
    } else {
      message.whenPresent(path.get());
    }
  }

  private List<Channel> channels(LocatedNode message) {
    List<Channel> channels = new ArrayList<>();
    Optional<LocatedNode> given = message.get("channels").or(() -> message.get("channel"));
    if (given.isEmpty()) {
      return channels;
    }
    List<LocatedNode> names = given.get().is(Kind.LIST) ? given.get().items() : List.of(given.get());
    for (LocatedNode name : names) {
      channel(name.text(), name).ifPresent(channels::add);
    }
    return channels;
  }

  private Optional<Channel> channel(String name, LocatedNode at) {
    try {
      return Optional.of(Channel.valueOf(name.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      problems.add(at.problem("unknown channel '" + name + "'; channels: email, sms, letter"));
      return Optional.empty();
    }
  }

  /** Recipients are named by what they are: email, phone (for sms) or address (for letter). */
  private Optional<Channel> recipientChannel(String name, LocatedNode recipients) {
    return switch (name) {
      case "email" -> Optional.of(Channel.EMAIL);
      case "phone" -> Optional.of(Channel.SMS);
      case "address" -> Optional.of(Channel.LETTER);
      default -> {
        problems.add(recipients.keyProblem(name, "unknown recipient; recipients: email, phone, address"));
        yield Optional.empty();
      }
    };
  }

  private Optional<MessageSpec.FileSpec> file(LocatedNode value) {
    if (value.is(Kind.TEXT)) {
      return Optional.of(MessageSpec.FileSpec.at(value.text()));
    }
    if (!expect(value, Kind.MAPPING, "a file is a case-data path, or {path, confirmEmailBeforeDownload, retentionWeeks}")) {
      return Optional.empty();
    }
    knownKeys(value, FILE_KEYS);
    Optional<String> path = text(value, "path");
    if (path.isEmpty()) {
      problems.add(value.problem("a file needs the case-data path of the file"));
      return Optional.empty();
    }
    boolean confirm = value.get("confirmEmailBeforeDownload").map(flag -> {
      if (!flag.is(Kind.BOOLEAN)) {
        problems.add(flag.problem("confirmEmailBeforeDownload is true or false, not " + flag.describe()));
      }
      return flag.isTrue();
    }).orElse(true);
    int weeks = value.get("retentionWeeks").map(number -> {
      if (!number.is(Kind.NUMBER) || number.number().isEmpty() || number.number().get().scale() > 0) {
        problems.add(number.problem("retentionWeeks is a whole number of weeks, 1 to 78, not " + number.describe()));
        return EmailFiles.DEFAULT_RETENTION_WEEKS;
      }
      return number.number().get().intValue();
    }).orElse(EmailFiles.DEFAULT_RETENTION_WEEKS);
    return Optional.of(new MessageSpec.FileSpec(path.get(), confirm, weeks));
  }

  private Optional<Postage> postage(LocatedNode value) {
    Optional<Postage> postage = Postage.fromApiName(value.text());
    if (postage.isEmpty()) {
      problems.add(value.problem("unknown postage " + value.describe() + "; postage for a letter from a PDF: first, second,"
          + " economy"));
    }
    return postage;
  }

  private Optional<Priority> priority(LocatedNode value) {
    for (Priority priority : Priority.values()) {
      if (priority.apiName().equals(value.text())) {
        return Optional.of(priority);
      }
    }
    problems.add(value.problem("unknown priority " + value.describe() + "; priorities: urgent, normal"));
    return Optional.empty();
  }

  private void mapping(LocatedNode parent, String key, java.util.function.BiConsumer<String, LocatedNode> each) {
    parent.get(key).ifPresent(node -> {
      if (expect(node, Kind.MAPPING, key + " is a mapping")) {
        node.entries().forEach(each);
      }
    });
  }

  private Optional<String> text(LocatedNode parent, String key) {
    return parent.get(key).flatMap(this::text);
  }

  private Optional<String> text(LocatedNode node) {
    if (node.is(Kind.TEXT)) {
      return Optional.of(node.text());
    }
    problems.add(node.problem("expected text, not " + node.describe()));
    return Optional.empty();
  }

  private boolean expect(LocatedNode node, Kind kind, String message) {
    if (node.is(kind)) {
      return true;
    }
    problems.add(node.problem(message + "; found " + node.describe()));
    return false;
  }

  private void knownKeys(LocatedNode mapping, List<String> keys) {
    for (String key : mapping.entries().keySet()) {
      if (!keys.contains(key)) {
        problems.add(mapping.keyProblem(key, "unknown setting; settings: " + String.join(", ", keys)));
      }
    }
  }

  private static void index(LocatedNode node, Map<String, LocatedNode> byPath) {
    byPath.put(node.path(), node);
    node.items().forEach(item -> index(item, byPath));
    node.entries().values().forEach(value -> index(value, byPath));
  }

  /** A builder problem placed at its value, or at the nearest value above it that the file has. */
  private static Problem locate(Problem problem, Map<String, LocatedNode> byPath) {
    String path = problem.path();
    while (!path.isEmpty()) {
      LocatedNode node = byPath.get(path);
      if (node != null) {
        return new Problem(problem.source(), node.line(), node.column(), problem.path(), problem.message());
      }
      int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut < 0 ? "" : path.substring(0, cut);
    }
    return problem;
  }
}
