package org.stpkit.notifysimulator;

import java.util.Objects;

/**
 * An API key the simulator accepts. The full key a client is given is
 * {@code {name}-{service id}-{secret}}, as Notify's are.
 */
public record ApiKey(String name, KeyType type, String secret) {
  public ApiKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(secret, "secret");
  }

  /** The key as a client uses it. */
  public String fullKey(String serviceId) {
    return name + "-" + serviceId + "-" + secret;
  }
}
