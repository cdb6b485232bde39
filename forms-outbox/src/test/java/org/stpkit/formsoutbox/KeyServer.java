package org.stpkit.formsoutbox;

import java.net.URI;
import org.stpkit.formsoutbox.servlet.JwkSetServlet;
import org.stpkit.testsupport.TestWebServer;

/** The service's published keys: {@link JwkSetServlet} in a real Jetty at {@code /.well-known/jwks.json}. */
final class KeyServer implements AutoCloseable {
  private final TestWebServer server;

  KeyServer(SigningKeys keys) throws Exception {
    server = TestWebServer.start().serve("/.well-known/jwks.json", JwkSetServlet.of(keys));
  }

  URI jwkSetUrl() {
    return URI.create(server.url("/.well-known/jwks.json"));
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
