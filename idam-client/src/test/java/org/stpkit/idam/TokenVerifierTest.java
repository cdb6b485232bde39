package org.stpkit.idam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The verifier against a key set served over HTTP as Keycloak serves it, with tokens signed by real
 * RSA keys. (Tokens from a real Keycloak are the next step of the idam-client issue.)
 */
class TokenVerifierTest {
  private static final String ISSUER = "http://127.0.0.1/realms/caseworking";

  private final RSAKey key = generate("key-1");
  private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(key.toPublicJWK()));
  private final AtomicInteger fetches = new AtomicInteger();
  private final HttpServer keys = serve();
  private final TokenVerifier verifier = TokenVerifier.builder()
      .issuer(ISSUER)
      .audience("case-service")
      .jwksUri(URI.create("http://127.0.0.1:" + keys.getAddress().getPort() + "/certs"))
      .refetchInterval(Duration.ofMillis(1))
      .build();

  @AfterEach
  void stop() {
    keys.stop(0);
  }

  private HttpServer serve() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/certs", exchange -> {
        fetches.incrementAndGet();
        byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generate(String id) {
    try {
      return new RSAKeyGenerator(2048).keyID(id).algorithm(JWSAlgorithm.RS256).generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("8f14e45f-ceea-467f-a0e6-9a3b1c2d3e4f")
        .audience(List.of("case-service", "account"))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("azp", "case-service")
        .claim("preferred_username", "jo.bloggs")
        .claim("realm_access", Map.of("roles", List.of("caseworker", "offline_access")))
        .claim("resource_access", Map.of("case-service", Map.of("roles", List.of("decide"))));
  }

  private static String sign(RSAKey signingKey, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
        .type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new RSASSASigner(signingKey));
    return jwt.serialize();
  }

  private void assertRejected(String token, TokenRejectedException.Reason reason) {
    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(TokenRejectedException.class,
        e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void verifiesAGoodTokenAndExposesWhoAndWhat() throws Exception {
    VerifiedToken token = verifier.verify(sign(key, claims().build()));

    assertThat(token.subject()).isEqualTo("8f14e45f-ceea-467f-a0e6-9a3b1c2d3e4f");
    assertThat(token.username()).contains("jo.bloggs");
    assertThat(token.realm()).isEqualTo("caseworking");
    assertThat(token.hasRealmRole("caseworker")).isTrue();
    assertThat(token.hasClientRole("case-service", "decide")).isTrue();
    assertThat(token.hasClientRole("case-service", "admin")).isFalse();
  }

  @Test
  void refusesEachKindOfBadTokenWithItsOwnReason() throws Exception {
    Instant now = Instant.now();
    assertRejected(sign(key, claims().expirationTime(Date.from(now.minusSeconds(60))).build()),
        TokenRejectedException.Reason.EXPIRED);
    assertRejected(sign(key, claims().issuer("http://127.0.0.1/realms/other").build()),
        TokenRejectedException.Reason.WRONG_ISSUER);
    assertRejected(sign(key, claims().audience("another-service").build()), TokenRejectedException.Reason.WRONG_AUDIENCE);
    assertRejected(sign(key, claims().notBeforeTime(Date.from(now.plusSeconds(120))).build()),
        TokenRejectedException.Reason.NOT_YET_VALID);
    String good = sign(key, claims().build());
    String tampered = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
    assertRejected(tampered, TokenRejectedException.Reason.BAD_SIGNATURE);
    RSAKey stranger = generate("key-1");
    assertRejected(sign(stranger, claims().build()), TokenRejectedException.Reason.BAD_SIGNATURE);
    assertRejected(sign(generate("unknown-key"), claims().build()), TokenRejectedException.Reason.UNKNOWN_KEY);
    assertRejected(new PlainJWT(claims().build()).serialize(), TokenRejectedException.Reason.DISALLOWED_ALGORITHM);
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
    hmac.sign(new MACSigner("a-shared-secret-of-at-least-256-bits-long!!".getBytes(StandardCharsets.UTF_8)));
    assertRejected(hmac.serialize(), TokenRejectedException.Reason.DISALLOWED_ALGORITHM);
    assertRejected("not.a.token", TokenRejectedException.Reason.MALFORMED);
  }

  @Test
  void allowsASmallClockSkew() throws Exception {
    String justExpired = sign(key, claims().expirationTime(Date.from(Instant.now().minusSeconds(10))).build());
    assertThat(verifier.verify(justExpired).username()).contains("jo.bloggs");
  }

  @Test
  void picksUpARotatedKeyAndCachesTheKeySet() throws Exception {
    verifier.verify(sign(key, claims().build()));
    verifier.verify(sign(key, claims().build()));
    assertThat(fetches.get()).as("the key set is cached").isEqualTo(1);

    RSAKey rotated = generate("key-2");
    published.set(new JWKSet(List.of(key.toPublicJWK(), rotated.toPublicJWK())));
    Thread.sleep(5);
    assertThat(verifier.verify(sign(rotated, claims().build())).subject()).isNotEmpty();
    assertThat(fetches.get()).as("fetched again for the new key").isEqualTo(2);
  }

  @Test
  void saysWhenTheKeysCannotBeFetched() throws Exception {
    keys.stop(0);
    TokenVerifier unreachable = TokenVerifier.builder().issuer(ISSUER).audience("case-service")
        .jwksUri(URI.create("http://127.0.0.1:1/certs")).timeout(Duration.ofMillis(500)).build();
    assertThatThrownBy(() -> unreachable.verify(sign(key, claims().build())))
        .isInstanceOfSatisfying(TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.KEYS_UNAVAILABLE));
  }
}
