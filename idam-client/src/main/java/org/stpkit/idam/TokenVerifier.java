package org.stpkit.idam;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.stpkit.idam.internal.KeycloakClaims;

/**
 * Verifies Keycloak access tokens: the signature against the realm's published keys (fetched,
 * cached, and fetched again when a token names a key the cache does not have, so key rotation just
 * works), the algorithm, the issuer, the audience, and expiry with a small clock skew. Thread-safe;
 * build one per realm and share it.
 *
 * <pre>{@code
 * TokenVerifier verifier = TokenVerifier.builder()
 *     .issuer("https://sso.example.gov.uk/realms/caseworking")
 *     .audience("case-service")
 *     .build();
 * VerifiedToken token = verifier.verify(bearerToken);   // or TokenRejectedException with its reason
 * }</pre>
 */
public final class TokenVerifier {
  private final String issuer;
  private final String audience;
  private final Set<JWSAlgorithm> algorithms;
  private final Duration clockSkew;
  private final Clock clock;
  private final JWKSource<SecurityContext> keys;

  private TokenVerifier(Builder builder, String issuer, String audience, JWKSource<SecurityContext> keys) {
    this.issuer = issuer;
    this.audience = audience;
    this.algorithms = Set.copyOf(builder.algorithms);
    this.clockSkew = builder.clockSkew;
    this.clock = builder.clock;
    this.keys = keys;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a token (the value after {@code Bearer }).
   *
   * @throws TokenRejectedException saying why it must not be trusted
   */
  public VerifiedToken verify(String token) {
    Objects.requireNonNull(token, "token");
    JWT parsed;
    try {
      parsed = JWTParser.parse(token.strip());
    } catch (ParseException e) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, "Not a JWT: " + e.getMessage(), e);
    }
    if (!(parsed instanceof SignedJWT jwt)) {
      throw new TokenRejectedException(TokenRejectedException.Reason.DISALLOWED_ALGORITHM, "The token is not signed");
    }
    JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
    if (!algorithms.contains(algorithm)) {
      throw new TokenRejectedException(TokenRejectedException.Reason.DISALLOWED_ALGORITHM,
          "The token is signed with " + algorithm + "; accepted: " + algorithms);
    }
    String keyId = jwt.getHeader().getKeyID();
    List<JWK> candidates;
    try {
      candidates = keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(keyId).algorithms(algorithm, null).build()), null);
    } catch (KeySourceException e) {
      throw new TokenRejectedException(TokenRejectedException.Reason.KEYS_UNAVAILABLE,
          "The realm's keys could not be fetched: " + e.getMessage(), e);
    }
    if (candidates.isEmpty()) {
      throw new TokenRejectedException(TokenRejectedException.Reason.UNKNOWN_KEY,
          "The token's key " + keyId + " is not one of the realm's keys");
    }
    if (!verifies(jwt, candidates.get(0))) {
      throw new TokenRejectedException(TokenRejectedException.Reason.BAD_SIGNATURE, "The token's signature is not valid");
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, "The token's claims are not JSON", e);
    }
    return check(claims);
  }

  private static boolean verifies(SignedJWT jwt, JWK key) {
    try {
      JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa.toRSAPublicKey())
          : key instanceof ECKey ec ? new ECDSAVerifier(ec.toECPublicKey()) : null;
      return verifier != null && jwt.verify(verifier);
    } catch (JOSEException e) {
      return false;
    }
  }

  private VerifiedToken check(JWTClaimsSet claims) {
    if (!issuer.equals(claims.getIssuer())) {
      throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_ISSUER,
          "The token was issued by " + claims.getIssuer() + ", not " + issuer);
    }
    List<String> audiences = claims.getAudience();
    if (!audiences.contains(audience)) {
      throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_AUDIENCE,
          "The token is for " + audiences + ", not " + audience);
    }
    Instant now = clock.instant();
    Date expiry = claims.getExpirationTime();
    if (expiry == null || now.isAfter(expiry.toInstant().plus(clockSkew))) {
      throw new TokenRejectedException(TokenRejectedException.Reason.EXPIRED,
          expiry == null ? "The token has no expiry" : "The token expired at " + expiry.toInstant());
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && now.plus(clockSkew).isBefore(notBefore.toInstant())) {
      throw new TokenRejectedException(TokenRejectedException.Reason.NOT_YET_VALID,
          "The token is not valid before " + notBefore.toInstant());
    }
    String subject = claims.getSubject();
    if (subject == null) {
      throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED, "The token has no subject");
    }
    return new VerifiedToken(subject, Optional.ofNullable(KeycloakClaims.string(claims, "preferred_username")),
        issuer.substring(issuer.lastIndexOf('/') + 1), issuer, audiences, Optional.ofNullable(KeycloakClaims.string(claims, "azp")),
        KeycloakClaims.realmRoles(claims), KeycloakClaims.clientRoles(claims), expiry.toInstant());
  }

  /** How a verifier is set up. */
  public static final class Builder {
    private @Nullable String issuer;
    private @Nullable String audience;
    private @Nullable URI jwksUri;
    private Set<JWSAlgorithm> algorithms = Set.of(JWSAlgorithm.RS256);
    private Duration clockSkew = Duration.ofSeconds(30);
    private Duration cacheTime = Duration.ofMinutes(15);
    private Duration timeout = Duration.ofSeconds(5);
    private Duration refetchInterval = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The realm's issuer, such as {@code https://sso.example.gov.uk/realms/caseworking}. */
    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /** The audience the service's tokens carry (its client id, with Keycloak's audience mapper). */
    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    /** The key set's address; default the issuer's {@code /protocol/openid-connect/certs}. */
    public Builder jwksUri(URI uri) {
      this.jwksUri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /** Accepted signature algorithms (default RS256, Keycloak's default). */
    public Builder algorithms(String... names) {
      Set<JWSAlgorithm> chosen = new HashSet<>();
      for (String name : names) {
        chosen.add(JWSAlgorithm.parse(name));
      }
      this.algorithms = chosen;
      return this;
    }

    /** How far the server's and Keycloak's clocks may disagree (default 30 s). */
    public Builder clockSkew(Duration skew) {
      this.clockSkew = Objects.requireNonNull(skew, "skew");
      return this;
    }

    /** How long the key set is cached before it is fetched again (default 15 minutes). */
    public Builder cacheTime(Duration time) {
      this.cacheTime = Objects.requireNonNull(time, "time");
      return this;
    }

    /** Connect and read timeout for fetching the key set (default 5 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * The shortest time between two fetches of the key set caused by tokens naming unknown keys
     * (default 10 s): a rotated key is picked up at once, and random key ids cannot flood the realm.
     */
    public Builder refetchInterval(Duration interval) {
      this.refetchInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public TokenVerifier build() {
      if (issuer == null || audience == null) {
        throw new IllegalStateException("A TokenVerifier needs an issuer and an audience");
      }
      URI keySet = jwksUri != null ? jwksUri : URI.create(issuer + "/protocol/openid-connect/certs");
      int millis = (int) timeout.toMillis();
      JWKSource<SecurityContext> source;
      try {
        source = JWKSourceBuilder.<SecurityContext>create(keySet.toURL(), new DefaultResourceRetriever(millis, millis, 512 * 1024))
            .cache(cacheTime.toMillis(), timeout.toMillis())
            .rateLimited(Math.max(1, refetchInterval.toMillis()))
            .build();
      } catch (MalformedURLException e) {
        throw new IdamException("Not a key-set URL: " + keySet, e);
      }
      return new TokenVerifier(this, issuer, audience, source);
    }
  }
}
