package org.stpkit.formsredis.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The Lua scripts that change a session's hash ({@code d}: the session's JSON, {@code v}: its
 * version, {@code t}: when it was last used, in epoch milliseconds, which a page read moves on
 * without writing the JSON; {@code c}: the submission claim) atomically on the server. A change is written only if
 * the version is still the one it was made from, so two requests of one journey never lose each
 * other's answers (the loser reads again and reapplies its change).
 */
enum SessionScripts {
  /** A new session: JSON, version 1, last used, time to live. ARGV: json, used at (epoch ms), ttl ms. */
  SAVE("redis.call('DEL', KEYS[1]) "
      + "redis.call('HSET', KEYS[1], 'd', ARGV[1], 'v', '1', 't', ARGV[2]) "
      + "redis.call('PEXPIRE', KEYS[1], ARGV[3]) "
      + "return 1"),
  /**
   * Compare and set: 1 when written, 0 when the version moved on or the session expired. ARGV:
   * version, json, used at (epoch ms), ttl ms.
   */
  UPDATE("local v = redis.call('HGET', KEYS[1], 'v') "
      + "if v ~= ARGV[1] then return 0 end "
      + "redis.call('HSET', KEYS[1], 'd', ARGV[2], 'v', tostring(tonumber(v) + 1), 't', ARGV[3]) "
      + "redis.call('PEXPIRE', KEYS[1], ARGV[4]) "
      + "return 1"),
  /**
   * Reads a session and, if it was last used at or after the cut-off, marks it used now and renews
   * its time to live, without a new version: a page read is not a change another request must make
   * again after. Nil when there is no session; else JSON, version, last used before this ('' when a
   * version that kept no such field wrote it) and '1' when marked, '0' when not. ARGV: now (epoch
   * ms), cut-off (epoch ms), ttl ms.
   */
  TOUCH("local f = redis.call('HMGET', KEYS[1], 'd', 'v', 't') "
      + "if not f[1] or not f[2] then return false end "
      + "if f[3] and tonumber(f[3]) >= tonumber(ARGV[2]) then "
      + "redis.call('HSET', KEYS[1], 't', ARGV[1]) "
      + "redis.call('PEXPIRE', KEYS[1], ARGV[3]) "
      + "return {f[1], f[2], f[3], '1'} end "
      + "return {f[1], f[2], f[3] or '', '0'}"),
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
  Object run(UnifiedJedis redis, String key, String... args) {
    List<String> keys = List.of(key);
    List<String> values = List.of(args);
    try {
      return redis.evalsha(sha1, keys, values);
    } catch (JedisNoScriptException e) {
      return redis.eval(lua, keys, values);
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
