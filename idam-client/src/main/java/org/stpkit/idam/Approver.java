package org.stpkit.idam;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.Objects;

/**
 * A person the access policy trusts to approve plans over its thresholds, by their public key (an
 * EC P-256 or RSA key of 2048 bits or more, as a JWK). Approvals name the key by its RFC 7638
 * thumbprint.
 */
public record Approver(String name, JWK publicKey) {
  public Approver {
    if (Objects.requireNonNull(name, "name").isBlank()) {
      throw new IllegalArgumentException("An approver needs a name");
    }
    Objects.requireNonNull(publicKey, "publicKey");
    if (publicKey.isPrivate()) {
      throw new IllegalArgumentException("The approver's key must be the public key only: the policy is read by"
          + " many, and the private part signs approvals");
    }
    if (!(publicKey instanceof ECKey ec && "P-256".equals(ec.getCurve().getName()))
        && !(publicKey instanceof RSAKey rsa && rsa.size() >= 2048)) {
      throw new IllegalArgumentException("The approver's key must be an EC P-256 key or an RSA key of 2048 bits or more");
    }
  }

  /** The key's RFC 7638 thumbprint (SHA-256, base64url): how an approval names its key. */
  public String keyId() {
    return thumbprint(publicKey);
  }

  /** The thumbprint of a key's public part: which approver a private key belongs to. */
  public static String thumbprintOf(JWK key) {
    return thumbprint(key.toPublicJWK());
  }

  static String thumbprint(JWK key) {
    try {
      return key.computeThumbprint().toString();
    } catch (JOSEException e) {
      throw new IdamException("Cannot compute the key's thumbprint: " + e.getMessage(), e);
    }
  }
}
