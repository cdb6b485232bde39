package org.stpkit.formsredis.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.formsredis.RedisSessionsException;

/**
 * One connection to Redis, shared by every form's store and every request thread: Lettuce
 * pipelines the commands of many threads over it. When Redis cannot be reached, commands fail at
 * once (rather than queueing until it is back, which would hold every request thread) or after the
 * command timeout, and the connection is made again in the background, within a second or two of
 * Redis coming back.
 */
public final class SessionConnection implements AutoCloseable {
  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> commands;
  private final String server;

  private SessionConnection(ClientResources resources, RedisClient client, StatefulRedisConnection<String, String> connection,
      String server) {
    this.resources = resources;
    this.client = client;
    this.connection = connection;
    this.commands = connection.sync();
    this.server = server;
  }

  /**
   * Connects to Redis.
   *
   * @throws RedisSessionsException when the URI cannot be read or Redis cannot be reached now
   */
  public static SessionConnection open(String uri, Duration commandTimeout, Duration connectTimeout) {
    RedisURI redisUri;
    try {
      redisUri = RedisURI.create(uri);
    } catch (IllegalArgumentException e) {
      throw new RedisSessionsException("Not a Redis URI (redis://host:port or rediss://...): " + e.getMessage(), e);
    }
    redisUri.setTimeout(commandTimeout);
    String server = redisUri.getHost() + ":" + redisUri.getPort();
    ClientResources resources = ClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
        .build();
    RedisClient client = RedisClient.create(resources, redisUri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build())
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        .build());
    try {
      return new SessionConnection(resources, client, client.connect(), server);
    } catch (RedisException e) {
      client.shutdown();
      resources.shutdown();
      throw new RedisSessionsException("Cannot connect to Redis at " + server + ": " + e.getMessage(), e);
    }
  }

  /** The store of the sessions whose keys start with {@code prefix}. */
  public AnswerStore store(String prefix) {
    return new RedisAnswerStore(commands, prefix, server);
  }

  /** Whether Redis answers a PING now. */
  public boolean reachable() {
    try {
      return "PONG".equals(commands.ping());
    } catch (RedisException e) {
      return false;
    }
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
    resources.shutdown();
  }

  @Override
  public String toString() {
    return "Redis at " + server;
  }
}
