package org.stpkit.formsredis;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The machine's Redis (127.0.0.1:6379, or {@code stp.redis.url}) for one test class: a namespace of
 * its own, and every key under it deleted by {@link #close()}, since the server is shared.
 */
final class TestRedis implements AutoCloseable {
  static final String URL = System.getProperty("stp.redis.url", "redis://127.0.0.1:6379");

  final String namespace = "stp-test-" + UUID.randomUUID().toString().substring(0, 8);
  private final JedisPooled client = new JedisPooled(URL);

  /** Direct commands, for looking at what the store wrote. */
  JedisPooled commands() {
    return client;
  }

  /** Every key of this run's namespace. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    ScanParams matching = new ScanParams().match(namespace + ":*").count(500);
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = client.scan(cursor, matching);
      keys.addAll(page.getResult());
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return keys;
  }

  @Override
  public void close() {
    List<String> keys = keys();
    if (!keys.isEmpty()) {
      client.del(keys.toArray(String[]::new));
    }
    client.close();
  }
}
