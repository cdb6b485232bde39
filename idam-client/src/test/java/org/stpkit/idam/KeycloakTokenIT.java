package org.stpkit.idam;

import org.stpkit.testsupport.KeycloakServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens from a real Keycloak 26, started by the harness with a test realm. */
class KeycloakTokenIT {
  private static KeycloakServer keycloak;

  @BeforeAll
  static void start() throws Exception {
    SharedKeycloak.stop(); // this test needs a Keycloak of its own, in the same Keycloak home
    keycloak = KeycloakServer.start("/keycloak/stp-test-realm.json", "stp-test");
  }

  @AfterAll
  static void stop() {
    keycloak.close();
  }

  private static TokenVerifier verifier(String audience) {
    return TokenVerifier.builder().issuer(keycloak.issuer("stp-test")).audience(audience)
        .refetchInterval(Duration.ofMillis(100)).build();
  }

  private static String joToken() throws Exception {
    return keycloak.userToken("stp-test", "case-portal", "jo.bloggs", "correct-horse-battery");
  }

  @Test
  void verifiesAKeycloakAccessTokenWithItsRoles() throws Exception {
    VerifiedToken token = verifier("case-service").verify(joToken());

    assertThat(token.username()).contains("jo.bloggs");
    assertThat(token.realm()).isEqualTo("stp-test");
    assertThat(token.authorizedParty()).contains("case-portal");
    assertThat(token.hasRealmRole("caseworker")).isTrue();
    assertThat(token.hasClientRole("case-service", "decide")).isTrue();
  }

  @Test
  void refusesKeycloakTokensThatAreNotForThisService() throws Exception {
    String token = joToken();
    assertThatThrownBy(() -> verifier("another-service").verify(token))
        .isInstanceOfSatisfying(TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.WRONG_AUDIENCE));
    TokenVerifier masterIssuer = TokenVerifier.builder().issuer(keycloak.issuer("master")).audience("case-service")
        .jwksUri(java.net.URI.create(keycloak.issuer("stp-test") + "/protocol/openid-connect/certs")).build();
    assertThatThrownBy(() -> masterIssuer.verify(token)).isInstanceOfSatisfying(TokenRejectedException.class,
        e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.WRONG_ISSUER));
    String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
    assertThatThrownBy(() -> verifier("case-service").verify(tampered)).isInstanceOfSatisfying(TokenRejectedException.class,
        e -> assertThat(e.reason()).isEqualTo(TokenRejectedException.Reason.BAD_SIGNATURE));
  }

  @Test
  void followsAKeyRotationInTheRealm() throws Exception {
    TokenVerifier verifier = verifier("case-service");
    String before = joToken();
    verifier.verify(before);

    JsonNode realm = keycloak.admin("GET", "/stp-test", null);
    int highest = 0;
    for (JsonNode key : keycloak.admin("GET", "/stp-test/keys", null).path("keys")) {
      highest = Math.max(highest, key.path("providerPriority").asInt());
    }
    keycloak.admin("POST", "/stp-test/components", "{\"name\": \"rotated-rsa\", \"providerId\": \"rsa-generated\","
        + " \"providerType\": \"org.keycloak.keys.KeyProvider\", \"parentId\": \"" + realm.path("id").asText() + "\","
        + " \"config\": {\"priority\": [\"" + (highest + 100) + "\"], \"enabled\": [\"true\"], \"active\": [\"true\"],"
        + " \"algorithm\": [\"RS256\"]}}");
    // Keycloak signs with the new key once its realm cache has the new component.
    String oldKey = SignedJWT.parse(before).getHeader().getKeyID();
    String after = joToken();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (SignedJWT.parse(after).getHeader().getKeyID().equals(oldKey) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      after = joToken();
    }
    assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isNotEqualTo(oldKey);

    Thread.sleep(150);
    assertThat(verifier.verify(after).username()).contains("jo.bloggs");
  }
}
