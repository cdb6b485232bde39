package org.stpkit.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Which messages each milestone sends. Declared in YAML (the format is in the module's README) or
 * built in Java; checked as a whole, every problem reported at once.
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

  private MilestoneCatalogue(Map<String, Milestone> milestones) {
    this.milestones = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(milestones));
  }

  public Map<String, Milestone> milestones() {
    return milestones;
  }

  public Optional<Milestone> milestone(String name) {
    return Optional.ofNullable(milestones.get(name));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Reads a YAML catalogue; every problem is reported with its path. */
  public static MilestoneCatalogue load(Path file) {
    try {
      return fromYaml(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new NotifyException("Cannot read the milestone catalogue " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a YAML catalogue.
   *
   * @throws InvalidCatalogueException with every problem, each at its path
   */
  public static MilestoneCatalogue fromYaml(String yaml, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      throw new InvalidCatalogueException(source, List.of(new Problem(source, "not valid YAML: " + e.getMessage())));
    }
    List<Problem> problems = new ArrayList<>();
    Builder builder = builder();
    JsonNode milestones = root == null ? null : root.get("milestones");
    if (milestones == null || !milestones.isObject() || milestones.isEmpty()) {
      throw new InvalidCatalogueException(source, List.of(new Problem("milestones", "a catalogue needs milestones: a map of name to messages")));
    }
    for (Iterator<Map.Entry<String, JsonNode>> entries = milestones.fields(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String where = entry.getKey();
      JsonNode messages = entry.getValue().path("messages");
      if (!messages.isArray() || messages.isEmpty()) {
        problems.add(new Problem(where, "a milestone needs messages: a list"));
        continue;
      }
      builder.milestone(entry.getKey(), milestone -> {
        for (int i = 0; i < messages.size(); i++) {
          readMessage(messages.get(i), where + ".messages[" + i + "]", milestone, problems);
        }
      });
    }
    problems.addAll(builder.problems);
    if (!problems.isEmpty()) {
      throw new InvalidCatalogueException(source, problems);
    }
    return builder.build(source);
  }

  private static final List<String> MESSAGE_KEYS = List.of("name", "channel", "channels", "template", "templates",
      "recipient", "personalisation", "when");

  private static void readMessage(JsonNode node, String where, MilestoneBuilder milestone, List<Problem> problems) {
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!MESSAGE_KEYS.contains(key)) {
        problems.add(new Problem(where + "." + key, "unknown setting; settings: " + String.join(", ", MESSAGE_KEYS)));
      }
    }
    String name = node.path("name").asText("");
    milestone.message(name, message -> {
      List<Channel> channels = new ArrayList<>();
      JsonNode channelNodes = node.has("channels") ? node.get("channels") : node.path("channel");
      List<JsonNode> channelList = new ArrayList<>();
      if (channelNodes.isArray()) {
        channelNodes.forEach(channelList::add);
      } else if (!channelNodes.isMissingNode()) {
        channelList.add(channelNodes);
      }
      for (JsonNode channel : channelList) {
        channel(channel.asText(), where + ".channels", problems).ifPresent(channels::add);
      }
      message.channels(channels.toArray(Channel[]::new));
      if (node.has("template")) {
        if (channels.size() == 1) {
          message.template(channels.get(0), node.get("template").asText());
        } else {
          problems.add(new Problem(where + ".template", "with several channels, give templates: {email: ..., letter: ...}"));
        }
      }
      node.path("templates").fields().forEachRemaining(template ->
          channel(template.getKey(), where + ".templates", problems)
              .ifPresent(channel -> message.template(channel, template.getValue().asText())));
      node.path("recipient").fields().forEachRemaining(recipient ->
          recipientChannel(recipient.getKey(), where + ".recipient", problems)
              .ifPresent(channel -> message.recipient(channel, recipient.getValue().asText())));
      node.path("personalisation").fields().forEachRemaining(value -> message.personalise(value.getKey(), value.getValue().asText()));
      JsonNode when = node.path("when");
      if (when.isObject()) {
        if (!when.has("path")) {
          problems.add(new Problem(where + ".when", "a condition needs a path, and equals or nothing (present)"));
        } else if (when.has("equals")) {
          message.when(when.get("path").asText(), when.get("equals").asText());
        } else {
          message.whenPresent(when.get("path").asText());
        }
      }
    });
  }

  private static Optional<Channel> channel(String name, String where, List<Problem> problems) {
    try {
      return Optional.of(Channel.valueOf(name.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(where, "unknown channel '" + name + "'; channels: email, sms, letter"));
      return Optional.empty();
    }
  }

  /** Recipients are named by what they are: email, phone (for sms) or address (for letter). */
  private static Optional<Channel> recipientChannel(String name, String where, List<Problem> problems) {
    switch (name) {
      case "email": return Optional.of(Channel.EMAIL);
      case "phone": return Optional.of(Channel.SMS);
      case "address": return Optional.of(Channel.LETTER);
      default:
        problems.add(new Problem(where + "." + name, "unknown recipient; recipients: email, phone, address"));
        return Optional.empty();
    }
  }

  /** Builds a catalogue in Java. */
  public static final class Builder {
    private final Map<String, Milestone> milestones = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private Builder() {}

    public Builder milestone(String name, Consumer<MilestoneBuilder> messages) {
      Objects.requireNonNull(name, "name");
      MilestoneBuilder builder = new MilestoneBuilder(name);
      messages.accept(builder);
      if (milestones.containsKey(name)) {
        problems.add(new Problem(name, "the milestone is declared twice"));
      }
      milestones.put(name, new Milestone(name, builder.build(problems)));
      return this;
    }

    /** @throws InvalidCatalogueException with every problem */
    public MilestoneCatalogue build() {
      return build("milestone catalogue");
    }

    MilestoneCatalogue build(String source) {
      if (!problems.isEmpty()) {
        throw new InvalidCatalogueException(source, problems);
      }
      return new MilestoneCatalogue(milestones);
    }
  }

  /** The messages of one milestone. */
  public static final class MilestoneBuilder {
    private final String milestone;
    private final List<MessageBuilder> messages = new ArrayList<>();

    private MilestoneBuilder(String milestone) {
      this.milestone = milestone;
    }

    public MilestoneBuilder message(String name, Consumer<MessageBuilder> message) {
      MessageBuilder builder = new MessageBuilder(milestone + ".messages[" + messages.size() + "]", name);
      message.accept(builder);
      messages.add(builder);
      return this;
    }

    List<MessageSpec> build(List<Problem> problems) {
      List<MessageSpec> specs = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (MessageBuilder message : messages) {
        if (!message.name.isEmpty() && !names.add(message.name)) {
          problems.add(new Problem(message.where + ".name", "message name '" + message.name + "' is used twice in "
              + milestone + "; names keep a case from getting a message twice"));
        }
        specs.add(message.build(problems));
      }
      if (messages.isEmpty()) {
        problems.add(new Problem(milestone, "a milestone needs at least one message"));
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

    MessageSpec build(List<Problem> problems) {
      if (name.isBlank()) {
        problems.add(new Problem(where + ".name", "a message needs a name"));
      }
      if (channels.isEmpty()) {
        problems.add(new Problem(where + ".channels", "a message needs a channel: email, sms or letter"));
      }
      for (Channel channel : channels) {
        String template = templates.get(channel);
        if (template == null) {
          problems.add(new Problem(where + ".templates." + channel.apiName(), "no template for the " + channel.apiName() + " channel"));
        } else if (!isUuid(template)) {
          problems.add(new Problem(where + ".templates." + channel.apiName(), "'" + template + "' is not a Notify template id (a UUID)"));
        }
        if (!recipients.containsKey(channel)) {
          problems.add(new Problem(where + ".recipient." + recipientName(channel), "no recipient for the " + channel.apiName()
              + " channel: give the case-data path of the " + recipientName(channel)));
        }
      }
      for (Channel channel : templates.keySet()) {
        if (!channels.contains(channel)) {
          problems.add(new Problem(where + ".templates." + channel.apiName(), "a template for a channel the message does not use"));
        }
      }
      personalisation.forEach((placeholder, path) -> {
        if (path == null || path.isBlank()) {
          problems.add(new Problem(where + ".personalisation." + placeholder, "needs a case-data path"));
        }
      });
      return new MessageSpec(name, channels, templates, recipients, personalisation, when);
    }
  }

  static String recipientName(Channel channel) {
    switch (channel) {
      case EMAIL: return "email";
      case SMS: return "phone";
      default: return "address";
    }
  }

  private static boolean isUuid(String value) {
    try {
      return UUID.fromString(value).toString().equalsIgnoreCase(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
