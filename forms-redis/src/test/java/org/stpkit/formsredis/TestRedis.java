package org.stpkit.formsredis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The machine's Redis (127.0.0.1:6379, or {@code stp.redis.url}) for one test class: a namespace of
 * its own, and every key under it deleted by {@link #close()}, since the server is shared.
 */
final class TestRedis implements AutoCloseable {
  static final String URL = System.getProperty("stp.redis.url", "redis://127.0.0.1:6379");

  final String namespace = "stp-test-" + UUID.randomUUID().toString().substring(0, 8);
  private final RedisClient client = RedisClient.create(URL);
  private final StatefulRedisConnection<String, String> connection = client.connect();

  /** Direct commands, for looking at what the store wrote. */
  RedisCommands<String, String> commands() {
    return connection.sync();
  }

  /** Every key of this run's namespace. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = commands().scan(cursor, ScanArgs.Builder.matches(namespace + ":*").limit(500));
      keys.addAll(page.getKeys());
      cursor = page;
    } while (!cursor.isFinished());
    return keys;
  }

  @Override
  public void close() {
    List<String> keys = keys();
    if (!keys.isEmpty()) {
      commands().del(keys.toArray(String[]::new));
    }
    connection.close();
    client.shutdown();
  }
}
