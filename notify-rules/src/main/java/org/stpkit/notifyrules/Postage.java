package org.stpkit.notifyrules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A letter's postage, as Notify's API names it. */
public enum Postage {
  FIRST, SECOND, ECONOMY, EUROPE, REST_OF_WORLD;

  /** The name on the wire: {@code first}, {@code second}, {@code economy}, {@code europe}, {@code rest-of-world}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The postage with this API name. */
  public static Optional<Postage> fromApiName(String name) {
    return Arrays.stream(values()).filter(postage -> postage.apiName().equals(name)).findFirst();
  }

  /** Every API name, in order: for messages that list the choices. */
  public static List<String> apiNames() {
    return Arrays.stream(values()).map(Postage::apiName).toList();
  }

  /** Whether a letter to a UK or an international address can go with this postage. */
  public boolean suits(boolean ukAddress) {
    boolean international = this == EUROPE || this == REST_OF_WORLD;
    return ukAddress != international;
  }
}
