package org.stpkit.formsredis.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.formsredis.RedisSessionsException;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * A pool of connections to Redis, shared by every form's store. A request thread borrows a
 * connection for one command and does the network I/O itself: no hand-off to an I/O thread and
 * back, which on a busy machine costs a scheduling delay each way (ADR 0013). When Redis cannot be
 * reached, a command fails within the command timeout; a broken connection is dropped from the
 * pool and a new one is made on the next use, so the stores work again as soon as Redis is back.
 */
public final class SessionConnection implements AutoCloseable {
  private final JedisPooled client;
  private final String server;

  private SessionConnection(JedisPooled client, String server) {
    this.client = client;
    this.server = server;
  }

  /**
   * Connects to Redis.
   *
   * @throws RedisSessionsException when the URI cannot be read or Redis cannot be reached now
   */
  public static SessionConnection open(String uri, Duration commandTimeout, Duration connectTimeout, int maxConnections) {
    URI redisUri = redisUri(uri);
    HostAndPort address = JedisURIHelper.getHostAndPort(redisUri);
    String server = address.getHost() + ":" + address.getPort();
    DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(millis(connectTimeout))
        .socketTimeoutMillis(millis(commandTimeout))
        .user(JedisURIHelper.getUser(redisUri))
        .password(JedisURIHelper.getPassword(redisUri))
        .database(JedisURIHelper.getDBIndex(redisUri))
        .ssl(JedisURIHelper.isRedisSSLScheme(redisUri))
        // CLIENT SETINFO is Redis 7.2's; leaving it out keeps older servers' logs free of its errors.
        .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(maxConnections);
    pool.setMaxIdle(maxConnections);
    // Waiting for a free connection counts towards the request's wait for Redis.
    pool.setMaxWait(commandTimeout);
    // Idle connections are checked now and then, so one Redis closed is not handed to a request.
    pool.setTestWhileIdle(true);
    pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
    pool.setJmxEnabled(false);
    JedisPooled client = new JedisPooled(address, config.build(), pool);
    try {
      client.ping();
    } catch (JedisException e) {
      client.close();
      throw new RedisSessionsException("Cannot connect to Redis at " + server + ": " + e.getMessage(), e);
    }
    return new SessionConnection(client, server);
  }

  /** The store of the sessions whose keys start with {@code prefix}. */
  public AnswerStore store(String prefix) {
    return new RedisAnswerStore(client, prefix, server);
  }

  /** Whether Redis answers a PING now. */
  public boolean reachable() {
    try {
      return "PONG".equals(client.ping());
    } catch (JedisException e) {
      return false;
    }
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "Redis at " + server;
  }

  private static URI redisUri(String uri) {
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw new RedisSessionsException("Not a Redis URI (redis://host:port or rediss://...): " + e.getMessage(), e);
    }
    if (!JedisURIHelper.isValid(parsed) || !(JedisURIHelper.isRedisScheme(parsed) || JedisURIHelper.isRedisSSLScheme(parsed))) {
      throw new RedisSessionsException("Not a Redis URI (redis://host:port or rediss://...): " + uri);
    }
    return parsed;
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
  }
}
