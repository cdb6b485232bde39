package org.stpkit.forms;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.stpkit.forms.servlet.FormServlet;
import org.stpkit.templates.GovukAssets;

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
    context.addServlet(new ServletHolder(new AssetServlet()), "/assets/*");
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

  /** govuk-frontend's CSS, JS, fonts and images from the design-system-templates jar. */
  private static final class AssetServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      var asset = GovukAssets.find(request.getPathInfo() == null ? "" : request.getPathInfo().substring(1));
      if (asset.isEmpty()) {
        response.sendError(404);
        return;
      }
      response.setContentType(asset.get().contentType());
      response.setHeader("Cache-Control", asset.get().cacheControl());
      response.getOutputStream().write(asset.get().content());
    }
  }
}
