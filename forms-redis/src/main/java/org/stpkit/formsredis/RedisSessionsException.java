package org.stpkit.formsredis;

/**
 * The one unchecked exception type of forms-redis: Redis could not be reached, did not answer in
 * time, or refused a command. The message names the server (never its password) and what was being
 * done; forms-engine answers the user with a 503 page while it is thrown.
 */
public class RedisSessionsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RedisSessionsException(String message) {
    super(message);
  }

  public RedisSessionsException(String message, Throwable cause) {
    super(message, cause);
  }
}
