package org.stpkit.notifysimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a simulator holds: the service, its API keys and templates, team members, limits, the
 * delivery-receipt callback and how long delivery takes. Build one in Java or load it from YAML
 * ({@link #load(Path)}; the format is in the module's README).
 *
 * @param rateLimitPerMinute sends per 60 seconds per key type before 429 (Notify: 3,000)
 * @param dailyLimits sends per day per channel for live and team keys
 * @param deliveryDelay how long a live or team message takes to reach its final status
 */
public record SimulatorConfig(
    String serviceId,
    List<ApiKey> apiKeys,
    List<SimulatedTemplate> templates,
    List<String> teamEmails,
    List<String> teamPhones,
    int rateLimitPerMinute,
    DailyLimits dailyLimits,
    Optional<Callback> callback,
    Duration deliveryDelay) {

  /** Notify's daily limits per channel. */
  public record DailyLimits(int email, int sms, int letter) {
    public static final DailyLimits NOTIFY = new DailyLimits(250_000, 250_000, 20_000);
  }

  /**
   * Where delivery receipts go: POST with {@code Authorization: Bearer <bearerToken>}, retried
   * {@code retries} times {@code retryInterval} apart on 429, 5xx and transport errors.
   */
  public record Callback(URI url, String bearerToken, int retries, Duration retryInterval) {
    public Callback {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(bearerToken, "bearerToken");
      Objects.requireNonNull(retryInterval, "retryInterval");
    }
  }

  private static final Set<String> TOP_LEVEL = Set.of("serviceId", "apiKeys", "templates", "teamMembers",
      "rateLimitPerMinute", "dailyLimits", "callback", "deliveryDelayMillis");

  public SimulatorConfig {
    Objects.requireNonNull(serviceId, "serviceId");
    apiKeys = List.copyOf(apiKeys);
    templates = List.copyOf(templates);
    teamEmails = List.copyOf(teamEmails);
    teamPhones = List.copyOf(teamPhones);
    Objects.requireNonNull(dailyLimits, "dailyLimits");
    Objects.requireNonNull(callback, "callback");
    Objects.requireNonNull(deliveryDelay, "deliveryDelay");
    if (apiKeys.isEmpty()) {
      throw new SimulatorException("The simulator needs at least one API key");
    }
  }

  /**
   * A service with one key of each type (named {@code live}, {@code team}, {@code test}), random
   * ids and secrets, Notify's limits, no callback, immediate delivery, and the given templates.
   */
  public static SimulatorConfig withTemplates(List<SimulatedTemplate> templates) {
    return new SimulatorConfig(UUID.randomUUID().toString(),
        List.of(new ApiKey("live", KeyType.LIVE, UUID.randomUUID().toString()),
            new ApiKey("team", KeyType.TEAM, UUID.randomUUID().toString()),
            new ApiKey("test", KeyType.TEST, UUID.randomUUID().toString())),
        templates, List.of(), List.of(), 3_000, DailyLimits.NOTIFY, Optional.empty(), Duration.ZERO);
  }

  public SimulatorConfig withCallback(Callback callback) {
    return new SimulatorConfig(serviceId, apiKeys, templates, teamEmails, teamPhones, rateLimitPerMinute, dailyLimits,
        Optional.of(callback), deliveryDelay);
  }

  public SimulatorConfig withRateLimitPerMinute(int limit) {
    return new SimulatorConfig(serviceId, apiKeys, templates, teamEmails, teamPhones, limit, dailyLimits, callback,
        deliveryDelay);
  }

  public SimulatorConfig withDailyLimits(DailyLimits limits) {
    return new SimulatorConfig(serviceId, apiKeys, templates, teamEmails, teamPhones, rateLimitPerMinute, limits,
        callback, deliveryDelay);
  }

  public SimulatorConfig withDeliveryDelay(Duration delay) {
    return new SimulatorConfig(serviceId, apiKeys, templates, teamEmails, teamPhones, rateLimitPerMinute, dailyLimits,
        callback, delay);
  }

  public SimulatorConfig withTeamMembers(List<String> emails, List<String> phones) {
    return new SimulatorConfig(serviceId, apiKeys, templates, emails, phones, rateLimitPerMinute, dailyLimits, callback,
        deliveryDelay);
  }

  /** The full API key of the first key of a type. */
  public String apiKey(KeyType type) {
    return apiKeys.stream().filter(key -> key.type() == type).findFirst()
        .orElseThrow(() -> new SimulatorException("No " + type + " key is configured"))
        .fullKey(serviceId);
  }

  /** The example configuration in the jar: four templates (email, text, letter), a key of each type. */
  public static SimulatorConfig example() {
    try (java.io.InputStream in = SimulatorConfig.class.getResourceAsStream("example-config.yaml")) {
      return fromYaml(new String(Objects.requireNonNull(in, "example-config.yaml").readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8), "example-config.yaml");
    } catch (IOException e) {
      throw new SimulatorException("Cannot read the example configuration", e);
    }
  }

  /** Reads a YAML configuration file. */
  public static SimulatorConfig load(Path file) {
    try {
      return fromYaml(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new SimulatorException("Cannot read the simulator configuration " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a YAML configuration; missing ids and secrets are made up, so the smallest file is a
   * list of templates.
   *
   * @throws SimulatorException naming the source and the field that is wrong
   */
  public static SimulatorConfig fromYaml(String yaml, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      throw new SimulatorException(source + ": not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new SimulatorException(source + ": expected a mapping with templates (and optionally apiKeys, ...)");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!TOP_LEVEL.contains(name)) {
        throw new SimulatorException(source + ": unknown setting '" + name + "'; settings: " + String.join(", ", TOP_LEVEL));
      }
    }
    String serviceId = text(root, "serviceId", source).orElse(UUID.randomUUID().toString());
    uuid(serviceId, source + ": serviceId");
    List<ApiKey> keys = new ArrayList<>();
    JsonNode keyNodes = root.path("apiKeys");
    for (int i = 0; i < keyNodes.size(); i++) {
      JsonNode key = keyNodes.get(i);
      String where = source + ": apiKeys[" + i + "]";
      String type = required(key, "type", where).toUpperCase(Locale.ROOT);
      KeyType keyType;
      try {
        keyType = KeyType.valueOf(type);
      } catch (IllegalArgumentException e) {
        throw new SimulatorException(where + ".type must be live, team or test, not '" + type.toLowerCase(Locale.ROOT) + "'");
      }
      String secret = text(key, "secret", where).orElse(UUID.randomUUID().toString());
      uuid(secret, where + ".secret");
      keys.add(new ApiKey(required(key, "name", where), keyType, secret));
    }
    if (keys.isEmpty()) {
      keys = withTemplates(List.of()).apiKeys();
    }
    List<SimulatedTemplate> templates = new ArrayList<>();
    JsonNode templateNodes = root.path("templates");
    for (int i = 0; i < templateNodes.size(); i++) {
      JsonNode template = templateNodes.get(i);
      String where = source + ": templates[" + i + "]";
      String id = required(template, "id", where);
      uuid(id, where + ".id");
      TemplateType type;
      try {
        type = TemplateType.valueOf(required(template, "type", where).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new SimulatorException(where + ".type must be email, sms or letter");
      }
      Optional<String> subject = text(template, "subject", where);
      if (type != TemplateType.SMS && subject.isEmpty()) {
        throw new SimulatorException(where + ": an " + type.apiName() + " template needs a subject");
      }
      templates.add(new SimulatedTemplate(id, type, text(template, "name", where).orElse(id), subject,
          required(template, "body", where), template.path("version").asInt(1)));
    }
    List<String> teamEmails = new ArrayList<>();
    root.path("teamMembers").path("emails").forEach(email -> teamEmails.add(email.asText()));
    List<String> teamPhones = new ArrayList<>();
    root.path("teamMembers").path("phones").forEach(phone -> teamPhones.add(phone.asText()));
    JsonNode daily = root.path("dailyLimits");
    DailyLimits limits = new DailyLimits(daily.path("email").asInt(DailyLimits.NOTIFY.email()),
        daily.path("sms").asInt(DailyLimits.NOTIFY.sms()), daily.path("letter").asInt(DailyLimits.NOTIFY.letter()));
    Optional<Callback> callback = Optional.empty();
    if (root.has("callback")) {
      JsonNode node = root.path("callback");
      callback = Optional.of(new Callback(URI.create(required(node, "url", source + ": callback")),
          required(node, "bearerToken", source + ": callback"), node.path("retries").asInt(5),
          Duration.ofMillis(node.path("retryIntervalMillis").asLong(300_000))));
    }
    return new SimulatorConfig(serviceId, keys, templates, teamEmails, teamPhones,
        root.path("rateLimitPerMinute").asInt(3_000), limits, callback,
        Duration.ofMillis(root.path("deliveryDelayMillis").asLong(0)));
  }

  private static Optional<String> text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      throw new SimulatorException(where + "." + field + " must be text");
    }
    return Optional.of(value.asText());
  }

  private static String required(JsonNode node, String field, String where) {
    return text(node, field, where).orElseThrow(() -> new SimulatorException(where + ": missing " + field));
  }

  private static void uuid(String value, String where) {
    try {
      UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new SimulatorException(where + " must be a UUID, not '" + value + "'");
    }
  }
}
