package org.stpkit.spring.notify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code stp.notify.*}: milestones sent as GOV.UK Notify messages.
 *
 * @param enabled whether the milestone messenger is configured at all
 * @param catalogue the milestone catalogue (YAML), a Spring resource location
 * @param apiKey the Notify API key; without one (and without the simulator) messages are queued but not sent
 * @param baseUrl Notify's API
 * @param outbox where the outbox is kept
 * @param dispatch whether this node sends the outbox (default: when there is a key)
 * @param checkTemplatesAtStartup whether every template is read from Notify at start-up (default: when there is a key)
 * @param rateLimitPerMinute requests a minute to Notify from all nodes together
 * @param maxAttempts attempts before a message that keeps failing is failed
 * @param statusPollAfter how long after sending, without a receipt, a message's status is polled
 * @param receipts Notify's delivery-receipt callback
 * @param simulator the Notify simulator, for development
 * @param health the outbox health check
 */
@ConfigurationProperties("stp.notify")
@Validated
public record StpNotifyProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("classpath:notify-milestones.yaml") String catalogue,
    @Nullable String apiKey,
    @DefaultValue("https://api.notifications.service.gov.uk") URI baseUrl,
    @DefaultValue @Valid Outbox outbox,
    @Nullable Boolean dispatch,
    @Nullable Boolean checkTemplatesAtStartup,
    @DefaultValue("3000") @Min(value = 1, message = "must be at least 1") @Max(value = 3000, message = "must be at most 3000, Notify's limit")
    int rateLimitPerMinute,
    @DefaultValue("8") @Min(value = 1, message = "must be at least 1") int maxAttempts,
    @DefaultValue("5m") Duration statusPollAfter,
    @DefaultValue @Valid Receipts receipts,
    @DefaultValue @Valid Simulator simulator,
    @DefaultValue @Valid Health health) {

  /** Which database holds the outbox. */
  public enum OutboxDatabase {
    /** The application's DataSource when it has one (so milestones join its transactions), else the embedded file. */
    AUTO,
    /** The application's DataSource; start-up fails without one. */
    APPLICATION,
    /** An embedded H2 file of its own. */
    EMBEDDED
  }

  /**
   * @param database which database holds the outbox
   * @param embeddedFile the H2 file (without {@code .mv.db}) when the outbox is embedded
   */
  public record Outbox(@DefaultValue("auto") OutboxDatabase database, @DefaultValue("./stp-notify-outbox") Path embeddedFile) {}

  /**
   * @param path where Notify's delivery receipts are taken ({@code /notify/receipts}); none when unset
   * @param bearerToken the token Notify sends with each receipt, as given to Notify with the callback URL
   */
  public record Receipts(@Nullable String path, @Nullable String bearerToken) {
    @AssertTrue(message = "stp.notify.receipts.bearer-token must be set when stp.notify.receipts.path is: "
        + "Notify sends it with every receipt, and receipts without it are refused")
    public boolean isTokenGivenWithPath() {
      return path == null || path.isBlank() || (bearerToken != null && !bearerToken.isBlank());
    }

    @AssertTrue(message = "stp.notify.receipts.path must start with / and not end with /, such as /notify/receipts")
    public boolean isPathWellFormed() {
      return path == null || path.isBlank() || (path.startsWith("/") && !path.endsWith("/"));
    }
  }

  /** When the simulator stands in for Notify. */
  public enum SimulatorMode {
    /** In the {@code dev} profile when no API key is set. */
    AUTO,
    /** Always, whatever the key (tests, demos). */
    ALWAYS,
    /** Never. */
    NEVER
  }

  /**
   * @param mode when the simulator stands in for Notify
   * @param config its configuration (YAML, the simulator README's format): the templates the catalogue names
   * @param host the address it listens on
   * @param port its port (0: any free one)
   * @param deliveryDelay how long a message takes to be delivered (default: the configuration's)
   * @param callbackUrl where it sends delivery receipts (default: this service's {@code receipts.path} on {@code server.port})
   */
  public record Simulator(
      @DefaultValue("auto") SimulatorMode mode,
      @Nullable String config,
      @DefaultValue("127.0.0.1") String host,
      @DefaultValue("0") @Min(value = 0, message = "must be 0 (any free port) to 65535") @Max(value = 65_535, message = "must be 0 (any free port) to 65535")
      int port,
      @Nullable Duration deliveryDelay,
      @Nullable URI callbackUrl) {}

  /**
   * @param maxBacklogAge how long the oldest message still to send may wait before the outbox is reported DOWN
   */
  public record Health(@DefaultValue("15m") @NotNull Duration maxBacklogAge) {}
}
