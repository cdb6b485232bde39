package org.stpkit.idam.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.KeycloakException;

/** Which Keycloak failures are tried again, how often, and which are final. */
class RetryTest {
  private final AtomicInteger renewals = new AtomicInteger();
  private final Retry retry = new Retry(4, Duration.ofMillis(1), Duration.ofMillis(4), renewals::incrementAndGet);

  private static WebApplicationException answer(int status) {
    return new WebApplicationException(Response.status(status).entity("{\"error\":\"status " + status + "\"}").build());
  }

  @Test
  void serverErrorsTooManyRequestsAndTimeoutsAreTriedAgain() {
    AtomicInteger calls = new AtomicInteger();
    String result = retry.call("read", () -> switch (calls.incrementAndGet()) {
      case 1 -> throw answer(503);
      case 2 -> throw answer(429);
      case 3 -> throw new ProcessingException(new SocketTimeoutException("Read timed out"));
      default -> "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(calls).hasValue(4);
  }

  @Test
  void aFailureThatLastsIsReportedAfterTheLastAttempt() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> retry.call("create user jo", () -> {
      calls.incrementAndGet();
      throw answer(500);
    })).isInstanceOf(IdamException.class).hasMessageContaining("create user jo: Keycloak answered 500");
    assertThat(calls).hasValue(4);

    assertThatThrownBy(() -> retry.call("read", () -> {
      throw new ProcessingException(new java.net.ConnectException("Connection refused"));
    })).hasMessageContaining("did not answer after 4 attempts").hasMessageContaining("Connection refused")
        .isInstanceOfSatisfying(KeycloakException.class, failure -> assertThat(failure.status()).isEmpty());
  }

  @Test
  void clientErrorsAreFinalAtOnceWithKeycloaksMessage() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> retry.call("add group", () -> {
      calls.incrementAndGet();
      throw answer(400);
    })).isInstanceOf(IdamException.class).hasMessage("add group: Keycloak answered 400: {\"error\":\"status 400\"}")
        .isInstanceOfSatisfying(KeycloakException.class, failure -> {
          assertThat(failure.status()).hasValue(400);
          assertThat(failure.operation()).isEqualTo("add group");
          assertThat(failure.user()).isEmpty();
          assertThat(failure.aboutUser("jo.bloggs").user()).contains("jo.bloggs");
        });
    assertThat(calls).hasValue(1);
  }

  @Test
  void aBodyReadByTheCallerStillReachesTheMessage() {
    assertThatThrownBy(() -> retry.call("create user jo", () -> {
      throw new WebApplicationException("{\"errorMessage\":\"Group /nowhere not found\"}", 400);
    })).hasMessage("create user jo: Keycloak answered 400: {\"errorMessage\":\"Group /nowhere not found\"}");
  }

  @Test
  void anUnauthorisedAnswerRenewsTheTokenOnce() {
    AtomicInteger calls = new AtomicInteger();
    assertThat(retry.call("read", () -> {
      if (calls.incrementAndGet() == 1) {
        throw new NotAuthorizedException(Response.status(401).build());
      }
      return "renewed";
    })).isEqualTo("renewed");
    assertThat(renewals).hasValue(1);

    assertThatThrownBy(() -> retry.call("read", () -> {
      throw new NotAuthorizedException(Response.status(401).build());
    })).hasMessageContaining("refused the tool's credentials (401)");
    assertThat(renewals).hasValue(2);
  }

  @Test
  void aRefusedSecretFailsAtOnceRatherThanLookingLikeAnOutage() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> retry.call("list managed users", () -> {
      calls.incrementAndGet();
      throw new ProcessingException(new NotAuthorizedException(Response.status(401).build()));
    })).isInstanceOf(IdamException.class).hasMessageContaining("refused the tool's credentials (401)");
    assertThat(calls).hasValue(1);
  }
}
