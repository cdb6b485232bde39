package org.stpkit.notifysimulator.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.stpkit.notifysimulator.Faults;
import org.stpkit.notifysimulator.RequestKind;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.SimulatorException;

/**
 * A running simulator: the simulated service, its HTTP server (Jetty), the delivery receipts it
 * posts and the clock that moves statuses on. Every thread it starts is a daemon, so a simulator
 * left open does not keep a JVM alive.
 */
public final class SimulatorServer implements AutoCloseable {
  private final NotifyApi api;
  private final Optional<ReceiptSender> receipts;
  private final HoldGate gate;
  private final Arrivals arrivals = new Arrivals();
  private final ScheduledExecutorService background;
  private final Server server;
  private final String baseUrl;

  public SimulatorServer(SimulatorConfig config, String host, int port, Clock clock, Faults faults) {
    this.receipts = config.callback().map(ReceiptSender::new);
    this.api = new NotifyApi(config, clock, receipt -> receipts.ifPresent(sender -> sender.send(receipt)));
    this.gate = new HoldGate(faults);
    this.background = Executors.newSingleThreadScheduledExecutor(daemon("notify-simulator-clock"));
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("notify-simulator-http");
    threads.setDaemon(true);
    this.server = new Server(threads, new ScheduledExecutorScheduler("notify-simulator-timers", true), null);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    // Headers and body can leave in separate packets; Nagle's algorithm with delayed ACKs would hold
    // each answer back about 40 ms and make the simulator, not the client under test, the bottleneck.
    connector.setAcceptedTcpNoDelay(true);
    connector.setAcceptQueueSize(256);
    server.addConnector(connector);
    String[] url = new String[1];
    NotifyHandler handler = new NotifyHandler(api, faults, gate, arrivals, new InspectionRoutes(api, faults, gate, arrivals),
        background, () -> url[0]);
    server.setHandler(handler);
    // Held and unanswered requests never finish by themselves: stop without waiting for them.
    server.setStopTimeout(0);
    try {
      server.start();
    } catch (Exception e) {
      close();
      throw new SimulatorException("Cannot start the Notify simulator on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    this.baseUrl = "http://" + host + ":" + connector.getLocalPort();
    url[0] = baseUrl;
    background.scheduleWithFixedDelay(api::tick, 50, 50, TimeUnit.MILLISECONDS);
  }

  public String baseUrl() {
    return baseUrl;
  }

  public List<SimulatedNotification> notifications() {
    return api.notifications();
  }

  public int countByReference(String reference) {
    return api.countByReference(reference);
  }

  /**
   * A text message arrives at a service's number, as if someone had sent it.
   *
   * @return its id, as {@code GET /v2/received-text-messages} shows it
   * @throws SimulatorException if no service has that name
   */
  public String receiveText(String service, String from, String content) {
    return api.receiveText(service, from, content).id();
  }

  public int receiptsDelivered() {
    return receipts.map(ReceiptSender::delivered).orElse(0);
  }

  /** Answers the requests of this kind that were held. */
  public void release(RequestKind kind) {
    gate.release(kind);
  }

  public int held(RequestKind kind) {
    return gate.count(kind);
  }

  /** Requests of this kind that arrived since the start or the last reset. */
  public long requests(RequestKind kind) {
    return arrivals.count(kind);
  }

  public void reset() {
    api.reset();
    arrivals.forget();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // Stopping closes every connection; there is nothing a caller could do about a failure here.
    }
    background.shutdownNow();
    receipts.ifPresent(ReceiptSender::close);
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
