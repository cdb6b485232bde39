package org.stpkit.testsupport;

import jakarta.servlet.Servlet;
import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.jspecify.annotations.Nullable;

/**
 * A real Jetty on 127.0.0.1 for a test: servlets by path spec, or a folder of static files. The
 * module's tests bring Jetty ({@code jetty-ee10-servlet}) themselves.
 *
 * <pre>{@code
 * try (TestWebServer server = TestWebServer.start().serve("/apply/*", FormServlet.of(engine))) {
 *   http.send(HttpRequest.newBuilder(URI.create(server.url("/apply/age"))).build(), ...);
 * }
 * }</pre>
 */
public final class TestWebServer implements AutoCloseable {
  private final Server server;
  private final @Nullable ServletContextHandler context;
  private final int port;

  private TestWebServer(int port, Handler handler, @Nullable ServletContextHandler context) throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    // A restarted server (a node "coming back" in a test) takes its port back at once.
    connector.setReuseAddress(true);
    server.addConnector(connector);
    server.setHandler(handler);
    server.start();
    this.context = context;
    this.port = connector.getLocalPort();
  }

  /** A server on a free port, with no servlets yet: add them with {@link #serve}. */
  public static TestWebServer start() throws Exception {
    return start(0);
  }

  /** A server on {@code port} (0: a free one), with no servlets yet. */
  public static TestWebServer start(int port) throws Exception {
    ServletContextHandler context = new ServletContextHandler("/");
    return new TestWebServer(port, context, context);
  }

  /** The files of {@code folder}, as a plain static web server serves them. */
  public static TestWebServer files(Path folder) throws Exception {
    ResourceHandler files = new ResourceHandler();
    files.setBaseResource(ResourceFactory.of(files).newResource(folder.toAbsolutePath()));
    return new TestWebServer(0, files, null);
  }

  /**
   * Serves {@code servlet} at {@code pathSpec} ({@code "/apply/*"}, {@code "/notify/receipts"});
   * also after the server has started, for a servlet that needs the server's URL to be made.
   */
  public TestWebServer serve(String pathSpec, Servlet servlet) {
    Objects.requireNonNull(pathSpec, "pathSpec");
    Objects.requireNonNull(servlet, "servlet");
    ServletContextHandler servlets = context;
    if (servlets == null) {
      throw new IllegalStateException("a server of files has no servlets");
    }
    servlets.addServlet(new ServletHolder(servlet), pathSpec);
    return this;
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:<port>}, with no slash at the end. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The address of {@code path} on this server, such as {@code url("/apply/age")}. */
  public String url(String path) {
    return baseUrl() + Objects.requireNonNull(path, "path");
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
