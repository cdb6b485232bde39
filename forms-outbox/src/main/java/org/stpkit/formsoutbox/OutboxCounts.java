package org.stpkit.formsoutbox;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbox at a glance: deliveries by status, and how long the oldest delivery not yet done has
 * waited (an alert on it catches a receiver that has been down too long).
 */
public record OutboxCounts(Map<DeliveryStatus, Long> byStatus, Optional<Duration> oldestUndelivered) {
  public OutboxCounts {
    EnumMap<DeliveryStatus, Long> all = new EnumMap<>(DeliveryStatus.class);
    for (DeliveryStatus status : DeliveryStatus.values()) {
      all.put(status, byStatus.getOrDefault(status, 0L));
    }
    byStatus = Map.copyOf(all);
    Objects.requireNonNull(oldestUndelivered, "oldestUndelivered");
  }

  public long count(DeliveryStatus status) {
    return byStatus.get(status);
  }
}
