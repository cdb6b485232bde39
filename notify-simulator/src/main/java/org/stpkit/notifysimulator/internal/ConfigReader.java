package org.stpkit.notifysimulator.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.stpkit.definition.LocatedDocument;
import org.stpkit.definition.LocatedNode;
import org.stpkit.definition.LocatedNode.Kind;
import org.stpkit.definition.Problem;
import org.stpkit.notifyrules.Recipients;
import org.stpkit.notifysimulator.ApiKey;
import org.stpkit.notifysimulator.InvalidSimulatorConfigException;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.SimulatedService;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;

/**
 * Reads the simulator's YAML configuration (the format is in the module's README and
 * {@code simulator-config.schema.json}): every value is checked where it is written, and every
 * problem is reported at once at its line and column. Ids and secrets left out are made up.
 */
public final class ConfigReader {
  private static final List<String> TOP_KEYS = List.of("$schema", "serviceId", "apiKeys", "teamMembers", "templates",
      "emailReplyTo", "smsSenders", "inboundNumber", "services", "rateLimitPerMinute", "dailyLimits",
      "deliveryDelayMillis", "callback");
  private static final List<String> SERVICE_KEYS = List.of("name", "serviceId", "apiKeys", "teamMembers", "templates",
      "emailReplyTo", "smsSenders", "inboundNumber");
  private static final List<String> REPLY_TO_KEYS = List.of("id", "email");
  private static final List<String> SENDER_KEYS = List.of("id", "sender");
  private static final List<String> KEY_KEYS = List.of("name", "type", "secret");
  private static final List<String> TEMPLATE_KEYS = List.of("id", "type", "name", "subject", "body", "version");
  private static final List<String> TEAM_KEYS = List.of("emails", "phones");
  private static final List<String> DAILY_KEYS = List.of("email", "sms", "letter");
  private static final List<String> CALLBACK_KEYS = List.of("url", "bearerToken", "retries", "retryIntervalMillis");

  private final List<Problem> problems = new ArrayList<>();

  private ConfigReader() {}

  /**
   * The configuration in a document.
   *
   * @throws InvalidSimulatorConfigException with every problem, each at its line and column
   */
  public static SimulatorConfig read(LocatedDocument document) {
    ConfigReader reader = new ConfigReader();
    reader.problems.addAll(document.problems());
    Optional<SimulatorConfig> config = document.root().flatMap(reader::config);
    if (!reader.problems.isEmpty() || config.isEmpty()) {
      List<Problem> all = new ArrayList<>(reader.problems);
      all.sort(Problem.IN_FILE_ORDER);
      throw new InvalidSimulatorConfigException(document.source(), all);
    }
    return config.get();
  }

  private Optional<SimulatorConfig> config(LocatedNode root) {
    if (!root.is(Kind.MAPPING)) {
      problems.add(root.problem("the configuration is a mapping with templates (and optionally serviceId, apiKeys, ...)"));
      return Optional.empty();
    }
    knownKeys(root, TOP_KEYS);
    if (!root.has("templates")) {
      problems.add(root.problem("templates is missing: the service needs a list of templates"));
    }
    List<SimulatedService> services = new ArrayList<>();
    services.add(service(root, SimulatedService.DEFAULT));
    Map<String, Integer> names = new HashMap<>();
    Map<String, Integer> ids = new HashMap<>();
    root.get("serviceId").filter(id -> id.is(Kind.TEXT)).ifPresent(id -> ids.put(id.text().toLowerCase(Locale.ROOT), id.line()));
    for (LocatedNode node : root.get("services").filter(list -> expect(list, Kind.LIST, "services is a list"))
        .map(LocatedNode::items).orElse(List.of())) {
      if (!expect(node, Kind.MAPPING, "a service is a mapping with name, apiKeys and templates")) {
        continue;
      }
      knownKeys(node, SERVICE_KEYS);
      Optional<String> name = required(node, "name").flatMap(this::text);
      name.ifPresent(text -> {
        LocatedNode nameNode = node.get("name").orElseThrow();
        if (text.equals(SimulatedService.DEFAULT)) {
          problems.add(nameNode.problem("'" + SimulatedService.DEFAULT + "' names the service at the top of the file; give this one another name"));
        }
        once(nameNode, text, names, "the service name " + text);
      });
      node.get("serviceId").filter(id -> id.is(Kind.TEXT))
          .ifPresent(id -> once(id, id.text().toLowerCase(Locale.ROOT), ids, "the service id " + id.text()));
      services.add(service(node, name.orElse("")));
    }
    int rateLimit = root.get("rateLimitPerMinute").map(node -> whole(node, 1).orElse(1)).orElse(3_000);
    SimulatorConfig.DailyLimits daily = root.get("dailyLimits").map(this::dailyLimits)
        .orElse(SimulatorConfig.DailyLimits.NOTIFY);
    Duration delay = Duration.ofMillis(root.get("deliveryDelayMillis").map(node -> whole(node, 0).orElse(0)).orElse(0));
    Optional<SimulatorConfig.Callback> callback = root.get("callback").flatMap(this::callback);
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SimulatorConfig(services, rateLimit, daily, callback, delay));
  }

  /** One service's settings, at the top of the file or in {@code services}. */
  private SimulatedService service(LocatedNode node, String name) {
    String serviceId = node.get("serviceId").map(id -> uuid(id).orElse("")).orElse(UUID.randomUUID().toString());
    List<ApiKey> keys = list(node, "apiKeys", this::apiKey);
    if (!node.has("apiKeys")) {
      keys = SimulatedService.withTemplates(name, List.of()).apiKeys();
    } else if (node.get("apiKeys").orElseThrow().is(Kind.LIST) && node.get("apiKeys").orElseThrow().items().isEmpty()) {
      problems.add(node.get("apiKeys").orElseThrow().problem("give at least one key, or leave apiKeys out for one of each type"));
    }
    List<SimulatedTemplate> templates = list(node, "templates", this::template);
    Map<String, Integer> templateIds = new HashMap<>();
    node.get("templates").map(LocatedNode::items).orElse(List.of()).forEach(template -> template.get("id")
        .filter(id -> id.is(Kind.TEXT)).ifPresent(id -> once(id, id.text().toLowerCase(Locale.ROOT), templateIds,
            "the template id " + id.text())));
    List<String> teamEmails = new ArrayList<>();
    List<String> teamPhones = new ArrayList<>();
    node.get("teamMembers").ifPresent(team -> teamMembers(team, teamEmails, teamPhones));
    Map<String, Integer> replyToIds = new HashMap<>();
    List<SimulatedService.EmailReplyTo> replyTos = list(node, "emailReplyTo", item -> replyTo(item, replyToIds));
    Map<String, Integer> senderIds = new HashMap<>();
    List<SimulatedService.SmsSender> senders = list(node, "smsSenders", item -> sender(item, senderIds));
    String inbound = node.get("inboundNumber").flatMap(this::text).orElse(SimulatedService.DEFAULT_INBOUND_NUMBER);
    return new SimulatedService(name, serviceId, keys.isEmpty() ? SimulatedService.withTemplates(name, List.of()).apiKeys()
        : keys, templates, teamEmails, teamPhones, replyTos, senders, inbound);
  }

  private Optional<SimulatedService.EmailReplyTo> replyTo(LocatedNode node, Map<String, Integer> ids) {
    if (!expect(node, Kind.MAPPING, "a reply-to address is a mapping with id and email")) {
      return Optional.empty();
    }
    knownKeys(node, REPLY_TO_KEYS);
    Optional<String> id = required(node, "id").flatMap(this::uuid);
    Optional<String> email = required(node, "email").flatMap(this::text).filter(address -> recipient(
        node.get("email").orElseThrow(), Recipients.email(address).refusal().map(refusal -> refusal.notifyMessage())));
    id.ifPresent(text -> once(node.get("id").orElseThrow(), text.toLowerCase(Locale.ROOT), ids, "the reply-to id " + text));
    return id.isPresent() && email.isPresent() ? Optional.of(new SimulatedService.EmailReplyTo(id.get(), email.get()))
        : Optional.empty();
  }

  private Optional<SimulatedService.SmsSender> sender(LocatedNode node, Map<String, Integer> ids) {
    if (!expect(node, Kind.MAPPING, "a text message sender is a mapping with id and sender")) {
      return Optional.empty();
    }
    knownKeys(node, SENDER_KEYS);
    Optional<String> id = required(node, "id").flatMap(this::uuid);
    Optional<String> sender = required(node, "sender").flatMap(this::text);
    id.ifPresent(text -> once(node.get("id").orElseThrow(), text.toLowerCase(Locale.ROOT), ids, "the sender id " + text));
    return id.isPresent() && sender.isPresent() ? Optional.of(new SimulatedService.SmsSender(id.get(), sender.get()))
        : Optional.empty();
  }

  /** A problem at the value when it was seen before, naming the line it was first given at. */
  private void once(LocatedNode node, String key, Map<String, Integer> seen, String what) {
    Integer first = seen.putIfAbsent(key, node.line());
    if (first != null) {
      problems.add(node.problem(what + " is given twice; the first is at line " + first));
    }
  }

  private Optional<ApiKey> apiKey(LocatedNode node) {
    if (!expect(node, Kind.MAPPING, "an API key is a mapping with name, type and secret")) {
      return Optional.empty();
    }
    knownKeys(node, KEY_KEYS);
    Optional<String> name = required(node, "name").flatMap(this::text);
    Optional<KeyType> type = required(node, "type").flatMap(value -> choice(value, KeyType.values(), "live, team or test"));
    String secret = node.get("secret").map(value -> uuid(value).orElse("")).orElse(UUID.randomUUID().toString());
    return name.isPresent() && type.isPresent() ? Optional.of(new ApiKey(name.get(), type.get(), secret)) : Optional.empty();
  }

  private Optional<SimulatedTemplate> template(LocatedNode node) {
    if (!expect(node, Kind.MAPPING, "a template is a mapping with id, type, subject and body")) {
      return Optional.empty();
    }
    knownKeys(node, TEMPLATE_KEYS);
    Optional<String> id = required(node, "id").flatMap(this::uuid);
    Optional<TemplateType> type = required(node, "type")
        .flatMap(value -> choice(value, TemplateType.values(), "email, sms or letter"));
    Optional<String> body = required(node, "body").flatMap(this::text);
    Optional<String> subject = node.get("subject").flatMap(this::text);
    if (type.isPresent() && type.get() != TemplateType.SMS && !node.has("subject")) {
      problems.add(node.problem("an " + type.get().apiName() + " template needs a subject"));
    }
    if (type.isPresent() && type.get() == TemplateType.SMS && node.has("subject")) {
      problems.add(node.keyProblem("subject", "a text message template has no subject"));
    }
    Optional<String> name = node.get("name").flatMap(this::text);
    int version = node.get("version").map(value -> whole(value, 1).orElse(1)).orElse(1);
    if (id.isEmpty() || type.isEmpty() || body.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SimulatedTemplate(id.get(), type.get(), name.orElse(id.get()), subject, body.get(), version));
  }

  private void teamMembers(LocatedNode team, List<String> emails, List<String> phones) {
    if (!expect(team, Kind.MAPPING, "teamMembers is a mapping with emails and phones")) {
      return;
    }
    knownKeys(team, TEAM_KEYS);
    emails.addAll(list(team, "emails", value -> text(value).filter(email -> {
      return recipient(value, Recipients.email(email).refusal().map(refusal -> refusal.notifyMessage()));
    })));
    phones.addAll(list(team, "phones", value -> text(value).filter(phone ->
        recipient(value, Recipients.ukMobile(phone).refusal().map(refusal -> refusal.notifyMessage())))));
  }

  private boolean recipient(LocatedNode value, Optional<String> refusal) {
    refusal.ifPresent(message -> problems.add(value.problem(message)));
    return refusal.isEmpty();
  }

  private SimulatorConfig.DailyLimits dailyLimits(LocatedNode node) {
    SimulatorConfig.DailyLimits notify = SimulatorConfig.DailyLimits.NOTIFY;
    if (!expect(node, Kind.MAPPING, "dailyLimits is a mapping with email, sms and letter")) {
      return notify;
    }
    knownKeys(node, DAILY_KEYS);
    return new SimulatorConfig.DailyLimits(
        node.get("email").map(value -> whole(value, 0).orElse(0)).orElse(notify.email()),
        node.get("sms").map(value -> whole(value, 0).orElse(0)).orElse(notify.sms()),
        node.get("letter").map(value -> whole(value, 0).orElse(0)).orElse(notify.letter()));
  }

  private Optional<SimulatorConfig.Callback> callback(LocatedNode node) {
    if (!expect(node, Kind.MAPPING, "callback is a mapping with url and bearerToken")) {
      return Optional.empty();
    }
    knownKeys(node, CALLBACK_KEYS);
    Optional<URI> url = required(node, "url").flatMap(this::text).flatMap(text -> httpUrl(node.get("url").orElseThrow(), text));
    Optional<String> token = required(node, "bearerToken").flatMap(this::text);
    int retries = node.get("retries").map(value -> whole(value, 0).orElse(0)).orElse(5);
    long interval = node.get("retryIntervalMillis").map(value -> whole(value, 0).orElse(0)).orElse(300_000);
    if (url.isEmpty() || token.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SimulatorConfig.Callback(url.get(), token.get(), retries, Duration.ofMillis(interval)));
  }

  private Optional<URI> httpUrl(LocatedNode node, String text) {
    try {
      URI uri = new URI(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (java.net.URISyntaxException e) {
      // Refused below, with the same message as any other URL that is not http(s).
    }
    problems.add(node.problem("must be an http or https URL, not " + node.describe()));
    return Optional.empty();
  }

  // ---- Values -----------------------------------------------------------------------------------

  private <T> List<T> list(LocatedNode parent, String key, java.util.function.Function<LocatedNode, Optional<T>> item) {
    Optional<LocatedNode> node = parent.get(key);
    if (node.isEmpty() || !expect(node.get(), Kind.LIST, key + " is a list")) {
      return List.of();
    }
    List<T> values = new ArrayList<>();
    for (LocatedNode value : node.get().items()) {
      item.apply(value).ifPresent(values::add);
    }
    return values;
  }

  private Optional<LocatedNode> required(LocatedNode mapping, String key) {
    Optional<LocatedNode> value = mapping.get(key).filter(node -> !node.is(Kind.NOTHING));
    if (value.isEmpty()) {
      problems.add(mapping.problem(key + " is missing"));
    }
    return value;
  }

  private Optional<String> text(LocatedNode node) {
    if (node.is(Kind.TEXT) && !node.text().isBlank()) {
      return Optional.of(node.text());
    }
    problems.add(node.problem("must be text, not " + node.describe()));
    return Optional.empty();
  }

  private Optional<String> uuid(LocatedNode node) {
    if (node.is(Kind.TEXT) && RequestParser.isUuid(node.text())) {
      return Optional.of(node.text());
    }
    problems.add(node.problem("must be a UUID, not " + node.describe()));
    return Optional.empty();
  }

  private <E extends Enum<E>> Optional<E> choice(LocatedNode node, E[] values, String names) {
    for (E value : values) {
      if (node.is(Kind.TEXT) && value.name().toLowerCase(Locale.ROOT).equals(node.text())) {
        return Optional.of(value);
      }
    }
    problems.add(node.problem("must be " + names + ", not " + node.describe()));
    return Optional.empty();
  }

  private Optional<Integer> whole(LocatedNode node, int least) {
    Optional<BigDecimal> number = node.number().filter(value -> value.stripTrailingZeros().scale() <= 0);
    if (number.isPresent() && number.get().compareTo(BigDecimal.valueOf(least)) >= 0
        && number.get().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
      return Optional.of(number.get().intValueExact());
    }
    problems.add(node.problem("must be a whole number, " + least + " or more, not " + node.describe()));
    return Optional.empty();
  }

  private boolean expect(LocatedNode node, Kind kind, String message) {
    if (node.is(kind)) {
      return true;
    }
    problems.add(node.problem(message + ", not " + node.describe()));
    return false;
  }

  private void knownKeys(LocatedNode mapping, List<String> known) {
    for (String key : mapping.entries().keySet()) {
      if (!known.contains(key)) {
        problems.add(mapping.keyProblem(key, "unknown setting '" + key + "'; settings here: " + String.join(", ", known)));
      }
    }
  }
}
