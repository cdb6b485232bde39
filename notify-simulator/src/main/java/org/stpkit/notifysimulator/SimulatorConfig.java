package org.stpkit.notifysimulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.stpkit.definition.LocatedDocument;
import org.stpkit.notifysimulator.internal.ConfigReader;

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
    try (InputStream in = SimulatorConfig.class.getResourceAsStream("example-config.yaml")) {
      return fromYaml(new String(Objects.requireNonNull(in, "example-config.yaml").readAllBytes(), StandardCharsets.UTF_8),
          "example-config.yaml");
    } catch (IOException e) {
      throw new SimulatorException("Cannot read the example configuration", e);
    }
  }

  /**
   * Reads a YAML configuration file.
   *
   * @throws InvalidSimulatorConfigException naming every problem with its line and column (a file
   *     that cannot be read is one such problem)
   */
  public static SimulatorConfig load(Path file) {
    return ConfigReader.read(LocatedDocument.read(file));
  }

  /**
   * Parses a YAML configuration; missing ids and secrets are made up, so the smallest file is a
   * list of templates.
   *
   * @param source the name problems give the text, such as its file name
   * @throws InvalidSimulatorConfigException naming every problem with its line and column
   */
  public static SimulatorConfig fromYaml(String yaml, String source) {
    return ConfigReader.read(LocatedDocument.parse(yaml, source));
  }
}
