package org.stpkit.notifysimulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stpkit.definition.LocatedDocument;
import org.stpkit.notifysimulator.internal.ConfigReader;

/**
 * What a simulator holds: its Notify services (each with its API keys, templates, team members,
 * reply-to addresses and text senders), limits, the delivery-receipt callback and how long delivery
 * takes. Build one in Java or load it from YAML ({@link #load(Path)}; the format is in the module's
 * README). The first service is the default one: {@link #serviceId()}, {@link #apiKeys()} and the
 * other accessors of one service are its.
 *
 * @param services the services, the default one first; names and ids unique
 * @param rateLimitPerMinute sends per 60 seconds per service and key type before 429 (Notify: 3,000)
 * @param dailyLimits sends per day per service and channel for live and team keys
 * @param deliveryDelay how long a live or team message takes to reach its final status
 */
public record SimulatorConfig(
    List<SimulatedService> services,
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
    services = List.copyOf(services);
    Objects.requireNonNull(dailyLimits, "dailyLimits");
    Objects.requireNonNull(callback, "callback");
    Objects.requireNonNull(deliveryDelay, "deliveryDelay");
    if (services.isEmpty()) {
      throw new SimulatorException("The simulator needs at least one service");
    }
    Set<String> names = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (SimulatedService service : services) {
      if (!names.add(service.name()) || !ids.add(service.serviceId().toLowerCase(Locale.ROOT))) {
        throw new SimulatorException("Two services are named '" + service.name() + "' or have the id "
            + service.serviceId() + ": each needs its own name and id");
      }
    }
  }

  /**
   * One service named {@code default} with one key of each type (named {@code live}, {@code team},
   * {@code test}), random ids and secrets, Notify's limits, no callback, immediate delivery, and the
   * given templates.
   */
  public static SimulatorConfig withTemplates(List<SimulatedTemplate> templates) {
    return new SimulatorConfig(List.of(SimulatedService.withTemplates(SimulatedService.DEFAULT, templates)), 3_000,
        DailyLimits.NOTIFY, Optional.empty(), Duration.ZERO);
  }

  public SimulatorConfig withCallback(Callback callback) {
    return new SimulatorConfig(services, rateLimitPerMinute, dailyLimits, Optional.of(callback), deliveryDelay);
  }

  public SimulatorConfig withRateLimitPerMinute(int limit) {
    return new SimulatorConfig(services, limit, dailyLimits, callback, deliveryDelay);
  }

  public SimulatorConfig withDailyLimits(DailyLimits limits) {
    return new SimulatorConfig(services, rateLimitPerMinute, limits, callback, deliveryDelay);
  }

  public SimulatorConfig withDeliveryDelay(Duration delay) {
    return new SimulatorConfig(services, rateLimitPerMinute, dailyLimits, callback, delay);
  }

  /** The default service's team members. */
  public SimulatorConfig withTeamMembers(List<String> emails, List<String> phones) {
    return withDefaultService(defaultService().withTeamMembers(emails, phones));
  }

  /** The default service with one more email reply-to address, named in sends by its id. */
  public SimulatorConfig withEmailReplyTo(String id, String emailAddress) {
    return withDefaultService(defaultService().withEmailReplyTo(id, emailAddress));
  }

  /** The default service with one more text message sender, named in sends by its id. */
  public SimulatorConfig withSmsSender(String id, String sender) {
    return withDefaultService(defaultService().withSmsSender(id, sender));
  }

  /** One more service beside the others, with its own keys, templates and messages. */
  public SimulatorConfig withService(SimulatedService service) {
    List<SimulatedService> more = new ArrayList<>(services);
    more.add(service);
    return new SimulatorConfig(more, rateLimitPerMinute, dailyLimits, callback, deliveryDelay);
  }

  /** The first service. */
  public SimulatedService defaultService() {
    return services.get(0);
  }

  /** The service with this name. */
  public SimulatedService service(String name) {
    return services.stream().filter(service -> service.name().equals(name)).findFirst()
        .orElseThrow(() -> new SimulatorException("No service is named '" + name + "'; services: "
            + String.join(", ", services.stream().map(SimulatedService::name).toList())));
  }

  /** The default service's id. */
  public String serviceId() {
    return defaultService().serviceId();
  }

  /** The default service's API keys. */
  public List<ApiKey> apiKeys() {
    return defaultService().apiKeys();
  }

  /** The default service's templates. */
  public List<SimulatedTemplate> templates() {
    return defaultService().templates();
  }

  public List<String> teamEmails() {
    return defaultService().teamEmails();
  }

  public List<String> teamPhones() {
    return defaultService().teamPhones();
  }

  /** The full API key of the default service's first key of a type. */
  public String apiKey(KeyType type) {
    return defaultService().apiKey(type);
  }

  private SimulatorConfig withDefaultService(SimulatedService changed) {
    List<SimulatedService> all = new ArrayList<>(services);
    all.set(0, changed);
    return new SimulatorConfig(all, rateLimitPerMinute, dailyLimits, callback, deliveryDelay);
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
