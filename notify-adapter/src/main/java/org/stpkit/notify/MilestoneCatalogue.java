package org.stpkit.notify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.stpkit.definition.LocatedNode;
import org.stpkit.definition.Problem;
import org.stpkit.notify.internal.CatalogueReader;
import org.stpkit.notifyrules.EmailFiles;
import org.stpkit.notifyrules.Postage;

/**
 * Which messages each milestone sends (over 350 lines: it holds the three nested builders that are
 * the catalogue's Java form). Declared in YAML (the format is in the module's README and
 * its JSON Schema) or built in Java; checked as a whole, every problem reported at once with its
 * place ({@code file:line:column: path: message}).
 *
 * <pre>{@code
 * MilestoneCatalogue catalogue = MilestoneCatalogue.builder()
 *     .milestone("DECISION_MADE", milestone -> milestone
 *         .message("applicant-decision", message -> message
 *             .channels(Channel.EMAIL, Channel.LETTER)
 *             .template(Channel.EMAIL, emailTemplateId).recipient(Channel.EMAIL, "applicant.email")
 *             .template(Channel.LETTER, letterTemplateId).recipient(Channel.LETTER, "applicant.address")
 *             .personalise("name", "applicant.firstName")
 *             .personalise("reference", "caseRef")))
 *     .build();
 * }</pre>
 */
public final class MilestoneCatalogue {
  /** The case-data path that stands for the case reference itself. */
  public static final String CASE_REF = "caseRef";

  private final Map<String, Milestone> milestones;
  private final Optional<String> service;

  private MilestoneCatalogue(Map<String, Milestone> milestones, Optional<String> service) {
    this.milestones = Collections.unmodifiableMap(new LinkedHashMap<>(milestones));
    this.service = service;
  }

  public Map<String, Milestone> milestones() {
    return milestones;
  }

  public Optional<Milestone> milestone(String name) {
    return Optional.ofNullable(milestones.get(name));
  }

  /** The Notify service (API key) the catalogue's messages go through; empty for the messenger's default. */
  public Optional<String> service() {
    return service;
  }

  /** The Notify service a milestone's messages go through: its own, else the catalogue's; empty for the default. */
  public Optional<String> serviceOf(Milestone milestone) {
    return milestone.service().or(() -> service);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a YAML catalogue.
   *
   * @throws InvalidCatalogueException with every problem, each with its line and path
   */
  public static MilestoneCatalogue load(Path file) {
    return CatalogueReader.read(Objects.requireNonNull(file, "file"));
  }

  /**
   * Parses a YAML catalogue; {@code source} names it in problems.
   *
   * @throws InvalidCatalogueException with every problem, each with its line and path
   */
  public static MilestoneCatalogue fromYaml(String yaml, String source) {
    return CatalogueReader.parse(Objects.requireNonNull(yaml, "yaml"), Objects.requireNonNull(source, "source"));
  }

  /** Builds a catalogue in Java. Paths in problems are those of the YAML format. */
  public static final class Builder {
    private final Map<String, Milestone> milestones = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private Optional<String> service = Optional.empty();
    private String source = "milestone catalogue";

    private Builder() {}

    /** The name problems carry as their source (a file name). */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /** The Notify service (named API key) every milestone's messages go through, unless a milestone names its own. */
    public Builder service(String name) {
      this.service = Optional.of(Objects.requireNonNull(name, "name"));
      return this;
    }

    public Builder milestone(String name, Consumer<MilestoneBuilder> messages) {
      Objects.requireNonNull(name, "name");
      MilestoneBuilder builder = new MilestoneBuilder(name);
      messages.accept(builder);
      if (milestones.containsKey(name)) {
        problems.add(Problem.of(source, LocatedNode.childPath("milestones", name), "the milestone is declared twice"));
      }
      milestones.put(name, new Milestone(name, builder.build(source, problems), builder.service));
      return this;
    }

    /** @throws InvalidCatalogueException with every problem */
    public MilestoneCatalogue build() {
      if (milestones.isEmpty()) {
        problems.add(Problem.of(source, "milestones", "a catalogue needs milestones: a map of name to messages"));
      }
      if (!problems.isEmpty()) {
        throw new InvalidCatalogueException(source, problems);
      }
      return new MilestoneCatalogue(milestones, service);
    }
  }

  /** The messages of one milestone. */
  public static final class MilestoneBuilder {
    private final String milestone;
    private final List<MessageBuilder> messages = new ArrayList<>();
    private Optional<String> service = Optional.empty();

    private MilestoneBuilder(String milestone) {
      this.milestone = milestone;
    }

    /** The Notify service (named API key) this milestone's messages go through. */
    public MilestoneBuilder service(String name) {
      this.service = Optional.of(Objects.requireNonNull(name, "name"));
      return this;
    }

    public MilestoneBuilder message(String name, Consumer<MessageBuilder> message) {
      MessageBuilder builder = new MessageBuilder(
          LocatedNode.itemPath(LocatedNode.childPath(LocatedNode.childPath("milestones", milestone), "messages"), messages.size()), name);
      message.accept(builder);
      messages.add(builder);
      return this;
    }

    List<MessageSpec> build(String source, List<Problem> problems) {
      List<MessageSpec> specs = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (MessageBuilder message : messages) {
        if (!message.name.isEmpty() && !names.add(message.name)) {
          problems.add(Problem.of(source, message.where + ".name", "message name '" + message.name + "' is used twice in "
              + milestone + "; names keep a case from getting a message twice"));
        }
        specs.add(message.build(source, problems));
      }
      if (messages.isEmpty()) {
        problems.add(Problem.of(source, LocatedNode.childPath(LocatedNode.childPath("milestones", milestone), "messages"),
            "a milestone needs at least one message"));
      }
      return specs;
    }
  }

  /** One message of a milestone. */
  public static final class MessageBuilder {
    private final String where;
    private final String name;
    private final List<Channel> channels = new ArrayList<>();
    private final Map<Channel, String> templates = new LinkedHashMap<>();
    private final Map<Channel, String> recipients = new LinkedHashMap<>();
    private final Map<String, String> personalisation = new LinkedHashMap<>();
    private final Map<String, MessageSpec.FileSpec> files = new LinkedHashMap<>();
    private Optional<String> letterPdf = Optional.empty();
    private Optional<Postage> postage = Optional.empty();
    private Optional<String> emailReplyToId = Optional.empty();
    private Optional<String> smsSenderId = Optional.empty();
    private Optional<String> unsubscribeUrl = Optional.empty();
    private Priority priority = Priority.NORMAL;
    private Optional<MessageSpec.When> when = Optional.empty();

    private MessageBuilder(String where, String name) {
      this.where = where;
      this.name = name;
    }

    /** The channels in order of preference: the first whose recipient is in the case data is used. */
    public MessageBuilder channels(Channel... channels) {
      this.channels.clear();
      this.channels.addAll(List.of(channels));
      return this;
    }

    public MessageBuilder template(Channel channel, String templateId) {
      templates.put(channel, templateId);
      return this;
    }

    /** The case-data path of the channel's recipient: email address, mobile number or postal address. */
    public MessageBuilder recipient(Channel channel, String path) {
      recipients.put(channel, path);
      return this;
    }

    /** A template placeholder and the case-data path of its value ({@code caseRef} for the case reference). */
    public MessageBuilder personalise(String placeholder, String path) {
      personalisation.put(placeholder, path);
      return this;
    }

    /** A file sent by email: the template's placeholder for its link, and where the {@link CaseFile} is. */
    public MessageBuilder file(String placeholder, MessageSpec.FileSpec file) {
      files.put(placeholder, file);
      return this;
    }

    /**
     * A letter the service made: the case-data path of its PDF, and its postage: first, second or
     * economy (Notify reads an address abroad from the PDF and sets international postage itself).
     * The channel is then {@code letter}, with no template.
     */
    public MessageBuilder letterPdf(String path, Postage postage) {
      letterPdf(path);
      this.postage = Optional.of(Objects.requireNonNull(postage, "postage"));
      return this;
    }

    /** A letter the service made, with Notify's default postage (second class). */
    public MessageBuilder letterPdf(String path) {
      this.letterPdf = Optional.of(Objects.requireNonNull(path, "path"));
      this.channels.clear();
      this.channels.add(Channel.LETTER);
      return this;
    }

    /** The id of the service's reply-to email address to use (Notify's "email_reply_to_id"). */
    public MessageBuilder emailReplyToId(String id) {
      this.emailReplyToId = Optional.of(id);
      return this;
    }

    /** The id of the service's text message sender to use (Notify's "sms_sender_id"). */
    public MessageBuilder smsSenderId(String id) {
      this.smsSenderId = Optional.of(id);
      return this;
    }

    /** The case-data path of a one-click unsubscribe URL, for an email that is not transactional. */
    public MessageBuilder unsubscribeUrl(String path) {
      this.unsubscribeUrl = Optional.of(path);
      return this;
    }

    public MessageBuilder priority(Priority priority) {
      this.priority = Objects.requireNonNull(priority, "priority");
      return this;
    }

    /** Sends only when the value at the path equals this. */
    public MessageBuilder when(String path, String equals) {
      this.when = Optional.of(new MessageSpec.When(path, Optional.of(equals)));
      return this;
    }

    /** Sends only when the path has a value. */
    public MessageBuilder whenPresent(String path) {
      this.when = Optional.of(new MessageSpec.When(path, Optional.empty()));
      return this;
    }

    MessageSpec build(String source, List<Problem> problems) {
      Checks checks = new Checks(source, where, problems);
      checks.require(!name.isBlank(), ".name", "a message needs a name");
      checks.require(!channels.isEmpty(), ".channels", "a message needs a channel: email, sms or letter");
      if (letterPdf.isPresent()) {
        checkPrecompiledLetter(checks);
      } else {
        checkTemplates(checks);
      }
      personalisation.forEach((placeholder, path) ->
          checks.require(path != null && !path.isBlank(), ".personalisation." + placeholder, "needs a case-data path"));
      checks.require(files.isEmpty() || channels.equals(List.of(Channel.EMAIL)), ".files",
          "files are sent by email: the message's only channel must be email");
      files.forEach((placeholder, file) -> {
        checks.require(!file.path().isBlank(), ".files." + placeholder, "needs the case-data path of the file");
        checks.require(file.retentionWeeks() >= EmailFiles.MIN_RETENTION_WEEKS && file.retentionWeeks() <= EmailFiles.MAX_RETENTION_WEEKS,
            ".files." + placeholder + ".retentionWeeks", "Notify keeps a file for 1 to 78 weeks, not " + file.retentionWeeks());
      });
      emailReplyToId.ifPresent(id -> {
        checks.require(channels.contains(Channel.EMAIL), ".emailReplyToId", "a reply-to address is for email messages");
        checks.require(isUuid(id), ".emailReplyToId", "'" + id + "' is not a Notify reply-to address id (a UUID)");
      });
      smsSenderId.ifPresent(id -> {
        checks.require(channels.contains(Channel.SMS), ".smsSenderId", "a text message sender is for sms messages");
        checks.require(isUuid(id), ".smsSenderId", "'" + id + "' is not a Notify text message sender id (a UUID)");
      });
      unsubscribeUrl.ifPresent(path -> checks.require(channels.contains(Channel.EMAIL), ".unsubscribeUrl",
          "an unsubscribe link is for email messages"));
      // Notify's API refuses europe and rest-of-world for a PDF: it reads an address abroad from the PDF itself.
      postage.ifPresent(given -> checks.require(given.suits(true), ".postage", "Notify takes first, second or economy"
          + " postage for a letter from a PDF, not " + given.apiName() + "; it reads an address abroad from the PDF"
          + " and sends the letter with international postage itself"));
      return new MessageSpec(name, channels, templates, recipients, personalisation, files, letterPdf, postage,
          emailReplyToId, smsSenderId, unsubscribeUrl, priority, when);
    }

    private void checkTemplates(Checks checks) {
      for (Channel channel : channels) {
        String template = templates.get(channel);
        String at = ".templates." + channel.apiName();
        if (template == null) {
          checks.add(at, "no template for the " + channel.apiName() + " channel");
        } else {
          checks.require(isUuid(template), at, "'" + template + "' is not a Notify template id (a UUID)");
        }
        checks.require(recipients.containsKey(channel), ".recipient." + recipientName(channel), "no recipient for the "
            + channel.apiName() + " channel: give the case-data path of the " + recipientName(channel));
      }
      for (Channel channel : templates.keySet()) {
        checks.require(channels.contains(channel), ".templates." + channel.apiName(),
            "a template for a channel the message does not use");
      }
    }

    private void checkPrecompiledLetter(Checks checks) {
      checks.require(channels.equals(List.of(Channel.LETTER)), ".pdf", "a letter from a PDF has the one channel letter");
      checks.require(templates.isEmpty(), ".templates", "a letter from a PDF has no template: the PDF is the letter");
      checks.require(recipients.isEmpty(), ".recipient", "a letter from a PDF has no recipient: Notify reads the address from the PDF");
      checks.require(personalisation.isEmpty(), ".personalisation", "a letter from a PDF has no personalisation");
      checks.require(!letterPdf.orElseThrow().isBlank(), ".pdf", "needs the case-data path of the PDF");
    }
  }

  /** Collects a message's problems under its path. */
  private record Checks(String source, String where, List<Problem> problems) {
    void require(boolean holds, String suffix, String message) {
      if (!holds) {
        add(suffix, message);
      }
    }

    void add(String suffix, String message) {
      problems.add(Problem.of(source, where + suffix, message));
    }
  }

  static String recipientName(Channel channel) {
    return switch (channel) {
      case EMAIL -> "email";
      case SMS -> "phone";
      case LETTER -> "address";
    };
  }

  private static boolean isUuid(String value) {
    try {
      return UUID.fromString(value).toString().equalsIgnoreCase(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
