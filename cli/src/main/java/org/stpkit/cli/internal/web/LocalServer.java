package org.stpkit.cli.internal.web;

import jakarta.servlet.Servlet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.stpkit.templates.servlet.GovukAssetServlet;

/**
 * Jetty serving one of the CLI's local sites: the kit's asset servlet at {@code /assets/*} (the
 * pages' govuk-frontend CSS, JavaScript and fonts) and the command's own servlets. Its threads are
 * daemons, so a command that is interrupted never waits on them.
 */
public final class LocalServer implements AutoCloseable {
  private final Server server;
  private final int port;

  private LocalServer(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts listening on {@code host:port} (0 picks a free port) with {@code servlets} by path spec,
   * tried in the servlet container's order (exact paths, then the longest prefix, then {@code /*}).
   *
   * @param name what its threads are called, such as {@code stp-docs}
   */
  public static LocalServer start(String name, String host, int port, Map<String, ? extends Servlet> servlets)
      throws Exception {
    Objects.requireNonNull(servlets, "servlets");
    QueuedThreadPool threads = new QueuedThreadPool(32, 4);
    threads.setName(Objects.requireNonNull(name, "name"));
    threads.setDaemon(true);
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(Objects.requireNonNull(host, "host"));
    connector.setPort(port);
    server.addConnector(connector);
    Map<String, Servlet> all = new LinkedHashMap<>();
    all.put("/assets/*", new GovukAssetServlet());
    all.putAll(servlets);
    ServletContextHandler context = new ServletContextHandler("/");
    all.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
    server.setHandler(context);
    server.start();
    return new LocalServer(server, connector.getLocalPort());
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
