package org.stpkit.notifysimulator.internal;

import org.stpkit.notifysimulator.ApiKey;

/** What a request's JWT proves: the service and key that signed it, or Notify's AuthError. */
sealed interface Authentication {
  record Authenticated(String serviceId, ApiKey key) implements Authentication {}

  record Refused(NotifyError error) implements Authentication {}
}
