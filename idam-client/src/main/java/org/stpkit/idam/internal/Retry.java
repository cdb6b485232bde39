package org.stpkit.idam.internal;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.stpkit.idam.IdamException;

/**
 * Calls Keycloak again after a failure that may pass: a 5xx, a 429, a timeout or a refused
 * connection (Keycloak restarting), with exponential backoff and jitter. A 401 renews the
 * service account's token once, since a restarted Keycloak may no longer accept the old one.
 * Other 4xx answers are final.
 */
public final class Retry {
  private final int attempts;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private final Runnable renewToken;

  public Retry(int attempts, Duration firstDelay, Duration maxDelay, Runnable renewToken) {
    this.attempts = attempts;
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
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
          throw new IdamException(what + ": Keycloak answered " + status + describe(answer), answer);
        }
        pause(attempt);
      } catch (ProcessingException unreachable) {
        if (unreachable.getCause() instanceof NotAuthorizedException unauthorised) {
          // The admin client's own token request was refused: a wrong secret, never worth retrying.
          throw refused(what, unauthorised);
        }
        if (attempt >= attempts) {
          throw new IdamException(what + ": Keycloak did not answer after " + attempts + " attempts: "
              + rootMessage(unreachable), unreachable);
        }
        pause(attempt);
      }
    }
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
      throw new IdamException(what + ": renewing the tool's token failed: " + rootMessage(failed), failed);
    }
  }

  private static IdamException refused(String what, Exception cause) {
    return new IdamException(what + ": Keycloak refused the tool's credentials (401): check the client id and"
        + " secret, and that the client has service accounts enabled", cause);
  }

  public void run(String what, Runnable call) {
    call(what, () -> {
      call.run();
      return null;
    });
  }

  private void pause(int attempt) {
    long ceiling = Math.min(maxDelay.toMillis(), firstDelay.toMillis() << Math.min(attempt - 1, 20));
    long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    try {
      Thread.sleep(delay);
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
