package org.stpkit.notifysimulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A Notify JWT made by hand, for requests the official client cannot make (raw bodies, bad claims). */
final class JwtForTests {
  private JwtForTests() {}

  static String token(String serviceId, String secret, Instant issuedAt) throws Exception {
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    String header = encoder.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
    String claims = encoder.encodeToString(("{\"iss\":\"" + serviceId + "\",\"iat\":" + issuedAt.getEpochSecond() + "}")
        .getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = encoder.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
    return header + "." + claims + "." + signature;
  }
}
