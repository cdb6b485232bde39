package org.stpkit.formsredis.internal;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts that change a session's hash ({@code d}: the session's JSON, {@code v}: its
 * version, {@code c}: the submission claim) atomically on the server. A change is written only if
 * the version is still the one it was made from, so two requests of one journey never lose each
 * other's answers (the loser reads again and reapplies its change).
 */
enum SessionScripts {
  /** A new session: JSON, version 1, time to live. ARGV: json, ttl ms. */
  SAVE("redis.call('DEL', KEYS[1]) "
      + "redis.call('HSET', KEYS[1], 'd', ARGV[1], 'v', '1') "
      + "redis.call('PEXPIRE', KEYS[1], ARGV[2]) "
      + "return 1"),
  /** Compare and set: 1 when written, 0 when the version moved on or the session expired. ARGV: version, json, ttl ms. */
  UPDATE("local v = redis.call('HGET', KEYS[1], 'v') "
      + "if v ~= ARGV[1] then return 0 end "
      + "redis.call('HSET', KEYS[1], 'd', ARGV[2], 'v', tostring(tonumber(v) + 1)) "
      + "redis.call('PEXPIRE', KEYS[1], ARGV[3]) "
      + "return 1"),
  /**
   * The first claim's reference, given to every caller. A session that expired is not brought
   * back as a hash with no time to live: the claim is then the caller's own. ARGV: reference.
   */
  CLAIM("if redis.call('EXISTS', KEYS[1]) == 0 then return ARGV[1] end "
      + "redis.call('HSETNX', KEYS[1], 'c', ARGV[1]) "
      + "return redis.call('HGET', KEYS[1], 'c')"),
  /** Gives the claim back if it is still this reference's. ARGV: reference. */
  RELEASE("if redis.call('HGET', KEYS[1], 'c') == ARGV[1] then redis.call('HDEL', KEYS[1], 'c') end "
      + "return 1");

  private final String lua;
  private final String sha1;

  SessionScripts(String lua) {
    this.lua = lua;
    this.sha1 = sha1(lua);
  }

  /** Runs the script by its digest, sending its text only when the server has not got it (after a restart). */
  <T> T run(RedisCommands<String, String> redis, ScriptOutputType type, String key, String... args) {
    String[] keys = {key};
    try {
      return redis.evalsha(sha1, type, keys, args);
    } catch (RedisNoScriptException e) {
      return redis.eval(lua, type, keys, args);
    }
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-1", e);
    }
  }
}
