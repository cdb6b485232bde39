package org.stpkit.formsoutbox;

import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.stpkit.formsoutbox.servlet.JwkSetServlet;

/** The service's published keys: {@link JwkSetServlet} in a real Jetty at {@code /.well-known/jwks.json}. */
final class KeyServer implements AutoCloseable {
  private final Server server = new Server();
  private final int port;

  KeyServer(SigningKeys keys) throws Exception {
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(JwkSetServlet.of(keys)), "/.well-known/jwks.json");
    server.setHandler(context);
    server.start();
    port = connector.getLocalPort();
  }

  URI jwkSetUrl() {
    return URI.create("http://127.0.0.1:" + port + "/.well-known/jwks.json");
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
