package org.stpkit.forms.internal.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Session ids, CSRF tokens and submission references, from a secure random source. */
final class Tokens {
  private static final char[] REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

  private final SecureRandom random = new SecureRandom();

  /** 24 random bytes, URL-safe: a session id or a CSRF token no one can guess. */
  String secret() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A reference a person can read out: the prefix and 8 characters without 0/O, 1/I/L ({@code FL-7K3M-9Q2X}). */
  String reference(String prefix) {
    StringBuilder reference = new StringBuilder(prefix);
    if (reference.length() > 0) {
      reference.append('-');
    }
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        reference.append('-');
      }
      reference.append(REFERENCE_ALPHABET[random.nextInt(REFERENCE_ALPHABET.length)]);
    }
    return reference.toString();
  }

  /**
   * What stands for a journey outside the answer store (an outbox's record of it): a SHA-256 digest
   * of the session id, so that reading it never gives anyone a live session.
   */
  static String journeyKey(String sessionId) {
    return digest(sessionId);
  }

  /** A SHA-256 digest of a secret, URL-safe: what is kept of it where reading it must not give it away. */
  static String digest(String secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
