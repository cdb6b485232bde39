package org.stpkit.forms;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.stpkit.forms.servlet.FormServlet;
import org.stpkit.templates.servlet.GovukAssetServlet;

/** A real Jetty on 127.0.0.1 and a free port, serving a form at its mount path and govuk-frontend's assets. */
final class JettyFormServer implements AutoCloseable {
  private final Server server;
  private final int port;

  JettyFormServer(FormEngine engine, FormServlet servlet) throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(servlet), engine.mountPath() + "/*");
    context.addServlet(new ServletHolder(new GovukAssetServlet()), "/assets/*");
    server.setHandler(context);
    server.start();
    port = connector.getLocalPort();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
