package org.stpkit.notifysimulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.stpkit.notifysimulator.internal.HttpApi;
import org.stpkit.notifysimulator.internal.ReceiptSender;
import org.stpkit.notifysimulator.internal.Simulation;

/**
 * A GOV.UK Notify simulator: a local HTTP server that answers Notify's v2 API as Notify does, for
 * tests and demos. Point a client at {@link #baseUrl()} with a key from {@link #apiKey(KeyType)}.
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
  static {
    // The JDK's HTTP server writes headers and body separately; without TCP_NODELAY, Nagle's
    // algorithm and delayed ACKs hold each answer back about 40 ms, which would make the simulator,
    // not the client under test, the bottleneck. Read once, when the server classes load.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final SimulatorConfig config;
  private final HttpServer server;
  private final ExecutorService requests;
  private final ScheduledExecutorService ticker;
  private final Optional<ReceiptSender> receipts;
  private final Simulation simulation;
  private final Faults faults = new Faults();
  private final String baseUrl;

  private NotifySimulator(SimulatorConfig config, String host, int port, Clock clock) throws IOException {
    this.config = config;
    this.receipts = config.callback().map(ReceiptSender::new);
    this.simulation = new Simulation(config, clock, receipt -> receipts.ifPresent(sender -> sender.send(receipt)));
    this.server = HttpServer.create(new InetSocketAddress(host, port), 256);
    this.baseUrl = "http://" + host + ":" + server.getAddress().getPort();
    HttpApi api = new HttpApi(simulation, faults, baseUrl);
    server.createContext("/", api::handle);
    this.requests = Executors.newFixedThreadPool(32, daemon("notify-simulator-http"));
    server.setExecutor(requests);
    server.start();
    this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("notify-simulator-statuses"));
    ticker.scheduleWithFixedDelay(simulation::tick, 50, 50, TimeUnit.MILLISECONDS);
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
   */
  public static NotifySimulator start(SimulatorConfig config, String host, int port, Clock clock) {
    Objects.requireNonNull(config, "config");
    try {
      return new NotifySimulator(config, host, port, clock);
    } catch (IOException e) {
      throw new SimulatorException("Cannot start the Notify simulator on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** The URL to give a client as Notify's base URL, such as {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return baseUrl;
  }

  public SimulatorConfig config() {
    return config;
  }

  /** The full API key of the configured key of this type. */
  public String apiKey(KeyType type) {
    return config.apiKey(type);
  }

  /** Faults to inject into sends; change them while the simulator runs. */
  public Faults faults() {
    return faults;
  }

  /** Every notification accepted, oldest first, with its current status. */
  public List<SimulatedNotification> notifications() {
    return simulation.notifications();
  }

  /** How many notifications were accepted with this reference: a client's duplicates show here. */
  public long countByReference(String reference) {
    return notifications().stream().filter(n -> n.reference().equals(Optional.of(reference))).count();
  }

  /** Delivery receipts the callback URL accepted. */
  public int receiptsDelivered() {
    return receipts.map(ReceiptSender::delivered).orElse(0);
  }

  /** Forgets every notification, rate-limit window and daily count, and clears the faults. */
  public void reset() {
    simulation.reset();
    faults.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    requests.shutdownNow();
    ticker.shutdownNow();
    receipts.ifPresent(ReceiptSender::close);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
