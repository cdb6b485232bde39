package org.stpkit.forms;

import org.stpkit.forms.servlet.FormServlet;
import org.stpkit.templates.servlet.GovukAssetServlet;
import org.stpkit.testsupport.TestWebServer;

/** A real Jetty on 127.0.0.1 and a free port, serving a form at its mount path and govuk-frontend's assets. */
final class JettyFormServer implements AutoCloseable {
  private final TestWebServer server;

  JettyFormServer(FormEngine engine, FormServlet servlet) throws Exception {
    server = TestWebServer.start()
        .serve(engine.mountPath() + "/*", servlet)
        .serve("/assets/*", new GovukAssetServlet());
  }

  String baseUrl() {
    return server.baseUrl();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
