package org.stpkit.notifysimulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.stpkit.notifysimulator.ApiKey;
import org.stpkit.notifysimulator.SimulatedService;

/**
 * Checks a request's JWT as Notify does: HS256 over a key's secret, {@code iss} one of the services' ids,
 * {@code iat} within 30 seconds of the server's clock either way. Answers with Notify's messages.
 *
 * <p>A client signs the same claims within one second into the same token, so tokens whose signature
 * has been checked are remembered (a bounded number) and only their {@code iat} checked again.
 */
final class Jwt {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int REMEMBERED = 10_000;

  /** Each service's keys, by service id. */
  private final Map<String, List<ApiKey>> keys;
  private final Map<String, Signed> checked = new ConcurrentHashMap<>();

  /** What checking a token's signature found. */
  private sealed interface Verification permits Signed, Unsigned {}

  /** A token whose signature is good: its service, key and {@code iat}, if it is a number. */
  private record Signed(String serviceId, ApiKey key, @Nullable Long issuedAt) implements Verification {}

  /** A token refused before its {@code iat} is looked at. */
  private record Unsigned(NotifyError refusal) implements Verification {}

  Jwt(List<SimulatedService> services) {
    Map<String, List<ApiKey>> byService = new HashMap<>();
    for (SimulatedService service : services) {
      byService.put(service.serviceId(), service.apiKeys());
    }
    this.keys = Map.copyOf(byService);
  }

  /** The key that signed the request's token, or the AuthError to answer with. */
  Authentication check(@Nullable String authorization, Instant now) {
    if (authorization == null || authorization.isBlank()) {
      return refused(401, "Unauthorized, authentication token must be provided");
    }
    String header = authorization.strip();
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
      return refused(401, "Unauthorized, authentication bearer scheme must be used");
    }
    String token = header.substring(space + 1).strip();
    Signed signed = checked.get(token);
    if (signed == null) {
      Verification verified = verify(token);
      if (verified instanceof Unsigned unsigned) {
        return new Authentication.Refused(unsigned.refusal());
      }
      signed = (Signed) verified;
      if (checked.size() >= REMEMBERED) {
        checked.clear();
      }
      checked.put(token, signed);
    }
    if (signed.issuedAt() == null || Math.abs(now.getEpochSecond() - signed.issuedAt()) > 30) {
      return refused(403, "Error: Your system clock must be accurate to within 30 seconds");
    }
    return new Authentication.Authenticated(signed.serviceId(), signed.key());
  }

  private Verification verify(String token) {
    int firstDot = token.indexOf('.');
    int secondDot = token.indexOf('.', firstDot + 1);
    if (firstDot < 0 || secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
      return unsigned("Invalid token: signature, api token is not valid");
    }
    JsonNode header;
    JsonNode claims;
    byte[] signature;
    try {
      header = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, firstDot)));
      claims = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(firstDot + 1, secondDot)));
      signature = Base64.getUrlDecoder().decode(token.substring(secondDot + 1));
    } catch (Exception e) {
      return unsigned("Invalid token: signature, api token is not valid");
    }
    if (header == null || !"HS256".equals(header.path("alg").asText())) {
      return unsigned("Invalid token: algorithm used is not HS256");
    }
    if (claims == null || !claims.hasNonNull("iss")) {
      return unsigned("Invalid token: iss field not provided");
    }
    String serviceId = claims.path("iss").asText();
    List<ApiKey> serviceKeys = keys.get(serviceId);
    if (serviceKeys == null) {
      return unsigned("Invalid token: service not found");
    }
    byte[] content = token.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII);
    for (ApiKey key : serviceKeys) {
      if (MessageDigest.isEqual(hmac(key.secret(), content), signature)) {
        JsonNode iat = claims.path("iat");
        return new Signed(serviceId, key, iat.canConvertToLong() ? iat.asLong() : null);
      }
    }
    return unsigned("Invalid token: API key not found");
  }

  private static Authentication refused(int status, String message) {
    return new Authentication.Refused(NotifyError.auth(status, message));
  }

  private static Unsigned unsigned(String message) {
    return new Unsigned(NotifyError.auth(403, message));
  }

  private static byte[] hmac(String secret, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }
}
