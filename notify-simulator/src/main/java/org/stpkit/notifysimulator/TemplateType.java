package org.stpkit.notifysimulator;

import java.util.Locale;

/** The channels a template is for. */
public enum TemplateType {
  EMAIL, SMS, LETTER;

  /** As Notify writes it: {@code email}, {@code sms}, {@code letter}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
