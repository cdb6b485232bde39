package org.stpkit.idam;

import java.util.Objects;

/** An access token that must not be trusted, and why: each reason is distinct, for logs and for answers. */
public final class TokenRejectedException extends IdamException {
  /** Why a token was refused. */
  public enum Reason {
    /** Not a signed JWT at all. */
    MALFORMED,
    /** Signed with an algorithm the verifier does not accept (such as none or HS256). */
    DISALLOWED_ALGORITHM,
    /** Its key id is not in the realm's key set, even after fetching it again. */
    UNKNOWN_KEY,
    /** The signature does not match the realm's key. */
    BAD_SIGNATURE,
    /** Issued by another realm or server. */
    WRONG_ISSUER,
    /** Not meant for this service. */
    WRONG_AUDIENCE,
    /** Past its expiry (beyond the allowed clock skew). */
    EXPIRED,
    /** Not valid yet (beyond the allowed clock skew). */
    NOT_YET_VALID,
    /** The realm's key set could not be fetched. */
    KEYS_UNAVAILABLE
  }

  private final Reason reason;

  public TokenRejectedException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public TokenRejectedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
