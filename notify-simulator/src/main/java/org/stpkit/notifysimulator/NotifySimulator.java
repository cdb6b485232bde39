package org.stpkit.notifysimulator;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.stpkit.notifysimulator.internal.SimulatorServer;

/**
 * A GOV.UK Notify simulator: a local HTTP server (Jetty) that answers Notify's v2 API as Notify
 * does, for tests and demos. Point a client at {@link #baseUrl()} with a key from
 * {@link #apiKey(KeyType)}. It sets nothing outside itself: no system properties, no files.
 *
 * <pre>{@code
 * try (NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of(template)))) {
 *   NotificationClient client = new NotificationClient(notify.apiKey(KeyType.LIVE), notify.baseUrl());
 *   client.sendEmail(template.id(), "jo@example.com", Map.of("name", "Jo"), "case-1234-decision");
 *   assertThat(notify.countByReference("case-1234-decision")).isEqualTo(1);
 * }
 * }</pre>
 */
public final class NotifySimulator implements AutoCloseable {
  private final SimulatorConfig config;
  private final Faults faults;
  private final SimulatorServer server;

  private NotifySimulator(SimulatorConfig config, String host, int port, Clock clock) {
    this.config = config;
    this.faults = new Faults(this::release);
    this.server = new SimulatorServer(config, host, port, clock, faults);
  }

  /** Starts a simulator on 127.0.0.1 and a free port. */
  public static NotifySimulator start(SimulatorConfig config) {
    return start(config, "127.0.0.1", 0, Clock.systemUTC());
  }

  /**
   * Starts a simulator.
   *
   * @param port 0 for a free one
   * @param clock Notify's clock: JWT {@code iat} checks, statuses and daily limits follow it
   * @throws SimulatorException if it cannot listen there
   */
  public static NotifySimulator start(SimulatorConfig config, String host, int port, Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
    return new NotifySimulator(config, host, port, clock);
  }

  /** The URL to give a client as Notify's base URL, such as {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  public SimulatorConfig config() {
    return config;
  }

  /** The full API key of the default service's first key of this type. */
  public String apiKey(KeyType type) {
    return config.apiKey(type);
  }

  /**
   * The full API key of a service's first key of this type.
   *
   * @throws SimulatorException if no service has that name, or it has no key of that type
   */
  public String apiKey(String service, KeyType type) {
    return config.service(Objects.requireNonNull(service, "service")).apiKey(Objects.requireNonNull(type, "type"));
  }

  /**
   * A text message arrives at the default service's number, as if someone had texted it: the
   * service reads it from {@code GET /v2/received-text-messages}, newest first.
   *
   * @param from the sender's phone number
   * @return the text's id
   */
  public String receiveText(String from, String content) {
    return receiveText(SimulatedService.DEFAULT, from, content);
  }

  /**
   * A text message arrives at a service's number.
   *
   * @throws SimulatorException if no service has that name
   */
  public String receiveText(String service, String from, String content) {
    return server.receiveText(Objects.requireNonNull(service, "service"), Objects.requireNonNull(from, "from"),
        Objects.requireNonNull(content, "content"));
  }

  /** Faults to inject; change them while the simulator runs. */
  public Faults faults() {
    return faults;
  }

  /** How many requests of this kind are waiting at the hold gate ({@link Faults#hold(RequestKind)}). */
  public int held(RequestKind kind) {
    return server.held(Objects.requireNonNull(kind, "kind"));
  }

  /**
   * How many requests of this kind arrived since the start or the last {@link #reset()}, whatever
   * became of them (answered, refused, faulted or held): for a test that counts, say, a client's
   * lookups ({@link RequestKind#LOOKUP}).
   */
  public long requests(RequestKind kind) {
    return server.requests(Objects.requireNonNull(kind, "kind"));
  }

  /** Every notification accepted by any service, oldest first, with its current status, files and PDF. */
  public List<SimulatedNotification> notifications() {
    return server.notifications();
  }

  /** How many notifications were accepted with this reference: a client's duplicates show here. */
  public long countByReference(String reference) {
    return server.countByReference(Objects.requireNonNull(reference, "reference"));
  }

  /** Delivery receipts the callback URL accepted. */
  public int receiptsDelivered() {
    return server.receiptsDelivered();
  }

  /** Forgets every notification, rate-limit window, daily count and request count, and clears the faults. */
  public void reset() {
    server.reset();
    faults.clear();
  }

  /** Stops the server: held and unanswered requests see their connections closed. */
  @Override
  public void close() {
    server.close();
  }

  private void release(RequestKind kind) {
    server.release(kind);
  }
}
