package org.stpkit.formsredis;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.formsredis.internal.SessionConnection;

/**
 * forms-engine's journeys in Redis, so that any number of instances serve one user and a restart
 * loses nothing. One {@code RedisSessions} per service holds one connection; each form gets its
 * store, whose keys are {@code <namespace>:form:<form id>:session:<session id>}:
 *
 * <pre>{@code
 * RedisSessions redis = RedisSessions.builder("redis://sessions.internal:6379")
 *     .namespace("apply-for-a-licence-service")
 *     .build();
 * FormEngine engine = FormEngine.builder(form).answerStore(redis.store(form)).submissionHandler(...).build();
 * }</pre>
 *
 * <p>Changes are atomic merges (a version checked by a Lua script), so two tabs or two instances of
 * one journey never lose each other's answers, and every request renews the journey's expiry.
 * While Redis cannot be reached, each store call fails within the command timeout with a {@link
 * RedisSessionsException}, which forms-engine answers with a 503 page; the connection comes back by
 * itself.
 */
public final class RedisSessions implements AutoCloseable {
  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern FORM_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final SessionConnection connection;
  private final String namespace;

  private RedisSessions(SessionConnection connection, String namespace) {
    this.connection = connection;
    this.namespace = namespace;
  }

  /** Sessions in the Redis at this URI ({@code redis://host:port}, {@code rediss://...} for TLS, with {@code redis://user:password@host:port/database}). */
  public static Builder builder(String redisUri) {
    return new Builder(Objects.requireNonNull(redisUri, "redisUri"));
  }

  /** The answer store of one form, for {@code FormEngine.Builder.answerStore}. */
  public AnswerStore store(FormDefinition form) {
    return store(Objects.requireNonNull(form, "form").id());
  }

  /** The answer store of the form with this id. */
  public AnswerStore store(String formId) {
    Objects.requireNonNull(formId, "formId");
    if (!FORM_ID.matcher(formId).matches()) {
      throw new IllegalArgumentException("formId must be a form definition's id (lower-case letters, digits and"
          + " hyphens): " + formId);
    }
    return connection.store(keyPrefix(formId));
  }

  /** Where a form's sessions are: {@code <namespace>:form:<form id>:session:}. */
  public String keyPrefix(String formId) {
    return namespace + ":form:" + formId + ":session:";
  }

  /** Whether Redis answers now: for a readiness check. */
  public boolean reachable() {
    return connection.reachable();
  }

  /** Closes the connection; the stores stop working. */
  @Override
  public void close() {
    connection.close();
  }

  /** How to reach Redis and where in it the sessions go. */
  public static final class Builder {
    private final String uri;
    private String namespace = "stp-forms";
    private Duration commandTimeout = Duration.ofSeconds(2);
    private Duration connectTimeout = Duration.ofSeconds(2);
    private int maxConnections = 200;

    private Builder(String uri) {
      this.uri = uri;
    }

    /**
     * The first part of every key (default {@code stp-forms}), so that several services share one
     * Redis: letters, digits, dots, hyphens and underscores.
     */
    public Builder namespace(String namespace) {
      Objects.requireNonNull(namespace, "namespace");
      if (!NAMESPACE.matcher(namespace).matches()) {
        throw new IllegalArgumentException("namespace must be letters, digits, '.', '-' or '_', starting with a letter"
            + " or digit: " + namespace);
      }
      this.namespace = namespace;
      return this;
    }

    /** How long a request waits for Redis before the user gets the 503 page (default 2 seconds). */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = positive(timeout, "commandTimeout");
      return this;
    }

    /** How long connecting may take (default 2 seconds). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * How many connections to Redis at most (default 200, the size of a servlet container's default
     * thread pool): a request holds one only while a command runs, and connections are made as they
     * are needed. A request that finds them all in use waits for one, within the command timeout, so
     * keep this at least the number of threads that serve requests.
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Connects.
     *
     * @throws RedisSessionsException when the URI is not a Redis URI or Redis cannot be reached
     */
    public RedisSessions build() {
      return new RedisSessions(SessionConnection.open(uri, commandTimeout, connectTimeout, maxConnections), namespace);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
    }
  }
}
