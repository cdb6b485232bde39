package org.stpkit.idam.internal;

import io.github.resilience4j.core.IntervalFunction;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.function.Supplier;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.KeycloakException;

/**
 * Calls Keycloak again after a failure that may pass: a 5xx, a 429, a timeout or a refused
 * connection (Keycloak restarting). A 401 renews the service account's token once, since a
 * restarted Keycloak may no longer accept the old one. Other 4xx answers are final. The pause
 * between attempts is Resilience4j's exponential backoff with jitter (ADR 0006): doubling from the
 * first delay, each between half and one and a half times that, at most the maximum. Every failure
 * leaves as a {@link KeycloakException} carrying Keycloak's status, so no JAX-RS type leaves the
 * internals.
 */
public final class Retry {
  private static final double MULTIPLIER = 2;
  private static final double RANDOMIZATION = 0.5;

  private final int attempts;
  private final IntervalFunction backoff;
  private final Runnable renewToken;

  public Retry(int attempts, Duration firstDelay, Duration maxDelay, Runnable renewToken) {
    this.attempts = attempts;
    this.backoff = IntervalFunction.ofExponentialRandomBackoff(firstDelay, MULTIPLIER, RANDOMIZATION, maxDelay);
    this.renewToken = renewToken;
  }

  public <T> T call(String what, Supplier<T> call) {
    boolean renewed = false;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (NotAuthorizedException unauthorised) {
        if (renewed) {
          throw refused(what, unauthorised);
        }
        renewed = true;
        renew(what);
        attempt--;
      } catch (WebApplicationException answer) {
        int status = answer.getResponse().getStatus();
        if ((status < 500 && status != 429) || attempt >= attempts) {
          throw answered(what, answer);
        }
        pause(attempt);
      } catch (ProcessingException unreachable) {
        if (unreachable.getCause() instanceof NotAuthorizedException unauthorised) {
          // The admin client's own token request was refused: a wrong secret, never worth retrying.
          throw refused(what, unauthorised);
        }
        if (attempt >= attempts) {
          throw new KeycloakException(what + ": Keycloak did not answer after " + attempts + " attempts: "
              + rootMessage(unreachable), what, 0, unreachable);
        }
        pause(attempt);
      }
    }
  }

  public void run(String what, Runnable call) {
    call(what, () -> {
      call.run();
      return null;
    });
  }

  /** A failure of a call made without retrying, as the {@link KeycloakException} a retried one would give. */
  static KeycloakException failure(String what, RuntimeException error) {
    if (error instanceof KeycloakException known) {
      return known;
    }
    if (error instanceof NotAuthorizedException unauthorised) {
      return refused(what, unauthorised);
    }
    if (error instanceof WebApplicationException answer) {
      return answered(what, answer);
    }
    return new KeycloakException(what + ": " + rootMessage(error), what, 0, error);
  }

  private void renew(String what) {
    try {
      renewToken.run();
    } catch (NotAuthorizedException unauthorised) {
      throw refused(what, unauthorised);
    } catch (ProcessingException | WebApplicationException failed) {
      if (failed.getCause() instanceof NotAuthorizedException unauthorised) {
        throw refused(what, unauthorised);
      }
      throw new KeycloakException(what + ": renewing the tool's token failed: " + rootMessage(failed), what,
          failed instanceof WebApplicationException answer ? answer.getResponse().getStatus() : 0, failed);
    }
  }

  private static KeycloakException answered(String what, WebApplicationException answer) {
    int status = answer.getResponse().getStatus();
    return new KeycloakException(what + ": Keycloak answered " + status + describe(answer), what, status, answer);
  }

  private static KeycloakException refused(String what, Exception cause) {
    return new KeycloakException(what + ": Keycloak refused the tool's credentials (401): check the client id and"
        + " secret, and that the client has service accounts enabled", what, 401, cause);
  }

  private void pause(int attempt) {
    try {
      Thread.sleep(backoff.apply(attempt));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IdamException("Interrupted while waiting to retry", interrupted);
    }
  }

  /** Keycloak's own words: the answer's body, or the message a caller put the body in. */
  private static String describe(WebApplicationException answer) {
    String body;
    try {
      body = answer.getResponse().readEntity(String.class);
    } catch (RuntimeException notAnAnswerFromTheServer) {
      body = answer.getMessage();
    }
    if (body == null || body.isBlank() || body.startsWith("HTTP " + answer.getResponse().getStatus())) {
      return "";
    }
    return ": " + body.strip();
  }

  static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
