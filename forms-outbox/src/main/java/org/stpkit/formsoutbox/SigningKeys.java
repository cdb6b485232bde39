package org.stpkit.formsoutbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The keys webhooks are signed with: ES256 (ECDSA on P-256) as JWS, the first key signing and every
 * key's public half published as a JWK set ({@link #publicJwkSet()}, served by
 * {@code servlet.JwkSetServlet}) so that receivers can verify. To rotate, put a new key first and
 * keep the old one until receivers have fetched the new set.
 */
public final class SigningKeys {
  /** The JWS {@code typ} of a signed submission. */
  public static final String JWS_TYPE = "stp-form-submission+jws";

  private final List<ECKey> keys;
  private final ECDSASigner signer;

  private SigningKeys(List<ECKey> keys) {
    this.keys = List.copyOf(keys);
    try {
      this.signer = new ECDSASigner(keys.get(0));
    } catch (JOSEException e) {
      throw new FormsOutboxException("Cannot sign with key " + keys.get(0).getKeyID() + ": " + e.getMessage(), e);
    }
  }

  /** A new P-256 key, its id its JWK thumbprint: keep {@link #privateJwkSet()} in your secret store. */
  public static SigningKeys generate() {
    try {
      ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
          .keyIDFromThumbprint(true).generate();
      return new SigningKeys(List.of(key));
    } catch (JOSEException e) {
      throw new FormsOutboxException("Cannot generate a P-256 key: " + e.getMessage(), e);
    }
  }

  /**
   * Keys from a JWK set with private keys (as {@link #privateJwkSet()} writes it): P-256 EC keys,
   * each with a {@code kid}; the first signs.
   *
   * @throws FormsOutboxException naming each key that cannot be used, or when the text is no JWK set
   */
  public static SigningKeys fromJwkSet(String privateJwkSet) {
    Objects.requireNonNull(privateJwkSet, "privateJwkSet");
    JWKSet set;
    try {
      set = JWKSet.parse(privateJwkSet);
    } catch (ParseException e) {
      throw new FormsOutboxException("The webhook signing keys are not a JWK set: " + e.getMessage(), e);
    }
    List<ECKey> keys = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < set.getKeys().size(); i++) {
      JWK key = set.getKeys().get(i);
      if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
        problems.add("keys[" + i + "]: not a P-256 EC key (ES256 is what receivers verify)");
      } else if (!ec.isPrivate()) {
        problems.add("keys[" + i + "]: has no private part, so it cannot sign");
      } else if (ec.getKeyID() == null) {
        problems.add("keys[" + i + "]: has no kid, which receivers choose the key by");
      } else {
        keys.add(ec);
      }
    }
    if (set.getKeys().isEmpty()) {
      problems.add("keys: the set is empty");
    }
    if (!problems.isEmpty()) {
      throw new FormsOutboxException("The webhook signing keys cannot be used: " + String.join("; ", problems));
    }
    return new SigningKeys(keys);
  }

  /** The id of the key that signs now. */
  public String currentKeyId() {
    return keys.get(0).getKeyID();
  }

  /** The public keys as a JWK set, to publish where receivers fetch it. */
  public String publicJwkSet() {
    return new JWKSet(keys.stream().map(key -> (JWK) key.toPublicJWK()).toList()).toString(true);
  }

  /** The keys with their private parts, to keep in a secret store; never publish this. */
  public String privateJwkSet() {
    return new JWKSet(keys.stream().map(key -> (JWK) key).toList()).toString(false);
  }

  /**
   * A compact JWS of the payload, its protected header naming the key, the {@code url} it is sent to
   * (as ACME binds a request to its target, so a copy sent elsewhere can be told apart) and when it
   * was signed ({@code iat}, seconds).
   */
  String sign(String payload, URI url, Instant now) {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
        .keyID(currentKeyId())
        .type(new JOSEObjectType(JWS_TYPE))
        .contentType("application/json")
        .customParam("url", url.toString())
        .customParam("iat", now.getEpochSecond())
        .build();
    JWSObject jws = new JWSObject(header, new Payload(payload));
    try {
      jws.sign(signer);
    } catch (JOSEException e) {
      throw new FormsOutboxException("Cannot sign a webhook with key " + currentKeyId() + ": " + e.getMessage(), e);
    }
    return jws.serialize();
  }
}
