package org.stpkit.notify.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.stpkit.notify.MilestoneMessenger;

/**
 * Notify's delivery-receipt callback: {@code POST} with {@code Authorization: Bearer <token>} (the
 * token set in Notify's callback settings) and the receipt JSON. The message's final status is
 * recorded once; a receipt sent again changes nothing. Answers 204, 401 for a wrong token, 400 for
 * a body that is not a receipt, and 404 for a reference this outbox does not have (so Notify stops
 * retrying a receipt meant for another service).
 */
public final class DeliveryReceiptServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 64 * 1024;

  private final transient MilestoneMessenger messenger;
  private final byte[] bearerToken;

  public DeliveryReceiptServlet(MilestoneMessenger messenger, String bearerToken) {
    this.messenger = Objects.requireNonNull(messenger, "messenger");
    if (bearerToken.length() < 10) {
      throw new IllegalArgumentException("The callback bearer token must be at least 10 characters (Notify requires it)");
    }
    this.bearerToken = ("Bearer " + bearerToken).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String authorization = request.getHeader("Authorization");
    if (authorization == null
        || !MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), bearerToken)) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    JsonNode receipt;
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return;
      }
      receipt = JSON.readTree(body);
    } catch (IOException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    if (receipt == null || !receipt.path("reference").isTextual() || !receipt.path("status").isTextual()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    boolean known = messenger.deliveryReceipt(receipt.get("reference").asText(), receipt.get("status").asText());
    response.setStatus(known ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_NOT_FOUND);
  }
}
