package org.stpkit.forms.internal.runtime;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Answers to save and return's security question, kept only salted and hashed with PBKDF2
 * (HMAC-SHA256, OWASP's 600,000 iterations): such answers are short and guessable, so a stolen table
 * must not give them away cheaply. The iterations are written in the hash, so that they can be raised
 * without breaking links already sent. Answers are compared as people type them: case, spacing and
 * Unicode forms do not matter.
 */
final class SecurityAnswers {
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final String SCHEME = "pbkdf2-sha256";
  private static final int ITERATIONS = 600_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecurityAnswers() {}

  /** {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, base64url. */
  static String hash(String answer) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return SCHEME + "$" + ITERATIONS + "$" + base64.encodeToString(salt) + "$"
        + base64.encodeToString(derive(answer, salt, ITERATIONS));
  }

  /** Whether the answer is the one hashed; false for a hash this class did not make. */
  static boolean matches(String answer, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getUrlDecoder().decode(parts[2]);
      byte[] expected = Base64.getUrlDecoder().decode(parts[3]);
      return iterations > 0 && MessageDigest.isEqual(expected, derive(answer, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** "  The  Street " and "the street" are the same answer. */
  static String normalise(String answer) {
    return Normalizer.normalize(answer, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static byte[] derive(String answer, byte[] salt, int iterations) {
    char[] chars = normalise(answer).toCharArray();
    PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java platform has " + ALGORITHM, e);
    } finally {
      spec.clearPassword();
    }
  }
}
