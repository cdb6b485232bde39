package org.stpkit.idam;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A second person's approval of a reviewed plan: a JWS (compact form) over the plan's digest, made
 * with the approver's private key. It approves that plan only: a plan with another digest (another
 * day, another feed, another Keycloak state) needs its own.
 */
public record Approval(String jws) {
  public Approval {
    Objects.requireNonNull(jws, "jws");
  }

  /**
   * Signs {@code planDigest} with {@code privateKey} (EC P-256 with ES256, or RSA with RS256).
   *
   * @throws IdamException when the key is not a private EC or RSA key
   */
  public static Approval sign(String planDigest, JWK privateKey, Instant now) {
    if (!privateKey.isPrivate()) {
      throw new IdamException("Approving needs the approver's private key; this JWK has only the public part");
    }
    try {
      JWSSigner signer;
      JWSAlgorithm algorithm;
      if (privateKey instanceof ECKey ec) {
        signer = new ECDSASigner(ec);
        algorithm = JWSAlgorithm.ES256;
      } else if (privateKey instanceof RSAKey rsa) {
        signer = new RSASSASigner(rsa);
        algorithm = JWSAlgorithm.RS256;
      } else {
        throw new IdamException("An approver's key is an EC P-256 or RSA key, not " + privateKey.getKeyType());
      }
      JWSHeader header = new JWSHeader.Builder(algorithm).keyID(Approver.thumbprint(privateKey.toPublicJWK())).build();
      JWSObject signed = new JWSObject(header, new Payload(Map.of("planDigest", planDigest,
          "approvedAt", now.toString())));
      signed.sign(signer);
      return new Approval(signed.serialize());
    } catch (JOSEException e) {
      throw new IdamException("Cannot sign the approval: " + e.getMessage(), e);
    }
  }

  /** The thumbprint of the key it says it was signed with; empty when the JWS cannot be read. */
  public Optional<String> keyId() {
    return parsed().map(signed -> signed.getHeader().getKeyID());
  }

  /** When the approver signed, as the approval says. */
  public Optional<Instant> approvedAt() {
    return parsed().flatMap(signed -> Optional.ofNullable(signed.getPayload().toJSONObject()))
        .map(claims -> claims.get("approvedAt")).map(String::valueOf).map(Instant::parse);
  }

  /**
   * The approver among {@code approvers} whose key signed this approval of {@code planDigest};
   * empty when none did (an unknown key, a bad signature, or another plan's approval).
   */
  public Optional<Approver> verify(String planDigest, List<Approver> approvers) {
    Optional<JWSObject> signed = parsed();
    if (signed.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> claims = signed.get().getPayload().toJSONObject();
    if (claims == null || !planDigest.equals(claims.get("planDigest"))) {
      return Optional.empty();
    }
    for (Approver approver : approvers) {
      if (approver.keyId().equals(signed.get().getHeader().getKeyID()) && verifies(signed.get(), approver.publicKey())) {
        return Optional.of(approver);
      }
    }
    return Optional.empty();
  }

  private static boolean verifies(JWSObject signed, JWK key) {
    try {
      JWSVerifier verifier = key instanceof ECKey ec ? new ECDSAVerifier(ec)
          : new RSASSAVerifier((RSAKey) key);
      JWSAlgorithm expected = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
      return signed.getHeader().getAlgorithm().equals(expected) && signed.verify(verifier);
    } catch (JOSEException | ClassCastException e) {
      return false;
    }
  }

  private Optional<JWSObject> parsed() {
    try {
      return Optional.of(JWSObject.parse(jws));
    } catch (ParseException unreadable) {
      return Optional.empty();
    }
  }
}
