package org.stpkit.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stpkit.idam.AccessPolicy;
import org.stpkit.idam.HrFeed;
import org.stpkit.idam.Plan;
import org.stpkit.idam.Planner;
import org.stpkit.idam.TokenRejectedException;
import org.stpkit.idam.TokenVerifier;
import org.stpkit.idam.VerifiedToken;

/** The samples of docs/developers/idam.md, run: a plan from a feed and a policy, and a token checked. */
class IdamGettingStartedTest {
  @Test
  void plansJoinersFromAFeedAndAPolicy() {
    // tag::plan[]
    AccessPolicy policy = AccessPolicy.load(Path.of("src/test/resources/idam/access-policy.yaml"));
    HrFeed feed = HrFeed.read(Path.of("src/test/resources/idam/staff.csv"));
    feed.problems().forEach(System.err::println);   // staff.csv:14: startDate: not a date as yyyy-mm-dd

    // Pure: the feed, the policy, the users Keycloak holds (none yet) and the day.
    Plan plan = Planner.plan(feed, policy, List.of(), LocalDate.of(2026, 12, 8));
    System.out.print(plan.toTable());
    // end::plan[]

    assertThat(feed.problems()).isEmpty();
    assertThat(plan.users()).hasSize(3);
    assertThat(plan.toTable()).contains("ada.lovelace", "/caseworking/visas", "grace.hopper", "alan.turing");
  }

  @Test
  void verifiesAnAccessTokenAgainstTheRealmsKeys() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").algorithm(JWSAlgorithm.RS256).generate();
    HttpServer realm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    realm.createContext("/realms/caseworking/protocol/openid-connect/certs", exchange -> {
      byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    realm.start();
    try {
      String issuer = "http://127.0.0.1:" + realm.getAddress().getPort() + "/realms/caseworking";
      String bearerToken = sign(key, issuer);
      // tag::verify[]
      TokenVerifier verifier = TokenVerifier.builder()
          .issuer(issuer)                   // https://sso.example.gov.uk/realms/caseworking
          .audience("case-service")         // the service's client id, with Keycloak's audience mapper
          .build();                         // once per realm; thread-safe

      VerifiedToken token = verifier.verify(bearerToken);   // or TokenRejectedException with its reason
      boolean mayDecide = token.hasClientRole("case-service", "decide");
      // end::verify[]

      assertThat(mayDecide).isTrue();
      assertThat(token.username()).contains("jo.bloggs");
      assertThatThrownBy(() -> verifier.verify(bearerToken + "x")).isInstanceOf(TokenRejectedException.class);
    } finally {
      realm.stop(0);
    }
  }

  private static String sign(RSAKey key, String issuer) throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("8f14e45f-ceea-467f-a0e6-9a3b1c2d3e4f")
        .audience(List.of("case-service"))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("azp", "case-service")
        .claim("preferred_username", "jo.bloggs")
        .claim("resource_access", Map.of("case-service", Map.of("roles", List.of("decide"))))
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
