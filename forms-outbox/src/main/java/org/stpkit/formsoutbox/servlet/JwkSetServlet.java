package org.stpkit.formsoutbox.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.stpkit.formsoutbox.SigningKeys;

/**
 * Publishes the webhook's public keys as a JWK set ({@code application/jwk-set+json}), for receivers
 * to verify signed submissions with; map it at, for example, {@code /.well-known/jwks.json}. Only
 * public keys are ever written.
 */
public final class JwkSetServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final byte[] jwkSet;

  private JwkSetServlet(SigningKeys keys) {
    this.jwkSet = keys.publicJwkSet().getBytes(StandardCharsets.UTF_8);
  }

  public static JwkSetServlet of(SigningKeys keys) {
    return new JwkSetServlet(Objects.requireNonNull(keys, "keys"));
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("application/jwk-set+json");
    // Receivers may cache it a while: a new key is published before it signs (SigningKeys' rotation).
    response.setHeader("Cache-Control", "public, max-age=300");
    response.setContentLength(jwkSet.length);
    response.getOutputStream().write(jwkSet);
  }
}
