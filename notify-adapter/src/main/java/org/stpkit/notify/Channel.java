package org.stpkit.notify;

import java.util.Locale;

/** The ways Notify reaches a person. */
public enum Channel {
  EMAIL, SMS, LETTER;

  /** As catalogues and Notify write it: {@code email}, {@code sms}, {@code letter}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
