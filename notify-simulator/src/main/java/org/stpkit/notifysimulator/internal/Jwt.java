package org.stpkit.notifysimulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.stpkit.notifysimulator.ApiKey;

/**
 * Checks a request's JWT as Notify does: HS256 over a key's secret, {@code iss} the service id,
 * {@code iat} within 30 seconds of the server's clock either way. Answers with Notify's messages.
 */
final class Jwt {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Jwt() {}

  /** The key that signed the token, or the AuthError (status, message) to answer with. */
  record Outcome(Optional<ApiKey> key, int status, String message) {
    static Outcome refused(int status, String message) {
      return new Outcome(Optional.empty(), status, message);
    }
  }

  static Outcome check(String authorization, String serviceId, List<ApiKey> keys, Instant now) {
    if (authorization == null || authorization.isBlank()) {
      return Outcome.refused(401, "Unauthorized, authentication token must be provided");
    }
    String[] scheme = authorization.strip().split("\\s+", 2);
    if (scheme.length != 2 || !scheme[0].equalsIgnoreCase("Bearer")) {
      return Outcome.refused(401, "Unauthorized, authentication bearer scheme must be used");
    }
    String[] parts = scheme[1].split("\\.");
    if (parts.length != 3) {
      return Outcome.refused(403, "Invalid token: signature, api token is not valid");
    }
    JsonNode header;
    JsonNode claims;
    try {
      header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (Exception e) {
      return Outcome.refused(403, "Invalid token: signature, api token is not valid");
    }
    if (!"HS256".equals(header.path("alg").asText())) {
      return Outcome.refused(403, "Invalid token: algorithm used is not HS256");
    }
    if (!claims.hasNonNull("iss")) {
      return Outcome.refused(403, "Invalid token: iss field not provided");
    }
    if (!claims.path("iss").asText().equals(serviceId)) {
      return Outcome.refused(403, "Invalid token: service not found");
    }
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return Outcome.refused(403, "Invalid token: signature, api token is not valid");
    }
    byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    for (ApiKey key : keys) {
      if (MessageDigest.isEqual(hmac(key.secret(), signed), signature)) {
        if (!claims.path("iat").canConvertToLong() || Math.abs(now.getEpochSecond() - claims.path("iat").asLong()) > 30) {
          return Outcome.refused(403, "Error: Your system clock must be accurate to within 30 seconds");
        }
        return new Outcome(Optional.of(key), 200, "");
      }
    }
    return Outcome.refused(403, "Invalid token: API key not found");
  }

  private static byte[] hmac(String secret, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }
}
