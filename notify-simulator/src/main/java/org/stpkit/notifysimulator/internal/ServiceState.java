package org.stpkit.notifysimulator.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.stpkit.notifysimulator.ApiKey;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.SimulatedFile;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatedService;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;

/**
 * One Notify service's state: the notifications it accepted and their statuses, the files sent by
 * email, the texts people sent it, its rate-limit window and daily counts. Thread-safe, one lock; callers read a notification through a view
 * function applied under the lock, so that what they write out is one consistent moment.
 */
final class ServiceState {
  /**
   * How long Notify's API returns a received text: its clients' documentation says only texts 7
   * days old or newer, and an {@code older_than} naming an older one gives an empty page.
   */
  static final Duration RECEIVED_TEXTS_KEPT = Duration.ofDays(7);

  private final SimulatorConfig config;
  private final SimulatedService service;
  private final Clock clock;
  private final Consumer<StoredNotification> finished;
  // Every notification in the order accepted (its position is its index), by id and by reference:
  // clients look messages up by reference, and a page starts from an id, at any volume.
  private final List<StoredNotification> notifications = new ArrayList<>();
  private final Map<String, StoredNotification> byId = new HashMap<>();
  private final Map<String, List<StoredNotification>> byReference = new HashMap<>();
  // Live and team messages not yet at a final status, oldest first: the only ones a tick visits.
  private final Deque<StoredNotification> pending = new ArrayDeque<>();
  private final Map<KeyType, Deque<Instant>> recentSends = new EnumMap<>(KeyType.class);
  private final Map<TemplateType, Integer> sentToday = new EnumMap<>(TemplateType.class);
  // Files sent by email, by the id their link ends with.
  private final Map<String, SimulatedFile> files = new HashMap<>();
  // Texts people sent to the service's number, by their place in the order they arrived (oldest
  // first), and each one's place by its id: older ones leave from the front after 7 days.
  private final NavigableMap<Long, ReceivedText> received = new TreeMap<>();
  private final Map<String, Long> receivedPositions = new HashMap<>();
  private long nextReceivedPosition;
  private LocalDate today;

  /** A page of notifications, newest first, and whether older ones follow. */
  record Page<T>(List<T> notifications, boolean more, Optional<String> lastId) {}

  /** A text message someone sent to the service's number. */
  record ReceivedText(String id, String serviceId, String userNumber, String notifyNumber, String content,
      Instant createdAt) {}

  /** The configuration's default service. */
  ServiceState(SimulatorConfig config, Clock clock, Consumer<StoredNotification> finished) {
    this(config, config.defaultService(), clock, finished);
  }

  /** @param finished told when a notification reaches its final status, under the lock */
  ServiceState(SimulatorConfig config, SimulatedService service, Clock clock, Consumer<StoredNotification> finished) {
    this.config = config;
    this.service = service;
    this.clock = clock;
    this.finished = finished;
    this.today = LocalDate.now(clock);
  }

  SimulatedService service() {
    return service;
  }

  /** Notify checks the rate limit before anything else; {@link #store} checks it again as it counts. */
  synchronized void checkRateLimit(KeyType keyType) throws NotifyError.Rejected {
    Deque<Instant> sends = recentSends.computeIfAbsent(keyType, k -> new ArrayDeque<>());
    Instant windowStart = clock.instant().minusSeconds(60);
    while (!sends.isEmpty() && !sends.peekFirst().isAfter(windowStart)) {
      sends.pollFirst();
    }
    if (sends.size() >= config.rateLimitPerMinute()) {
      throw new NotifyError(429, "RateLimitError", "Exceeded rate limit for key type " + keyType + " of "
          + config.rateLimitPerMinute() + " requests per 60 seconds").rejected();
    }
  }

  /** A send with no files. */
  <T> T store(ApiKey key, CheckedSend send, Optional<String> reference, Function<StoredNotification, T> view)
      throws NotifyError.Rejected {
    return store(key, send, reference, Map.of(), view);
  }

  /**
   * Counts the send against the limits and stores it; the view is of the stored notification.
   *
   * @param sentFiles the send's files by placeholder, each with a link ending in its own id
   */
  synchronized <T> T store(ApiKey key, CheckedSend send, Optional<String> reference,
      Map<String, SimulatedFile> sentFiles, Function<StoredNotification, T> view) throws NotifyError.Rejected {
    checkRateLimit(key.type());
    countDaily(key.type(), send.template().type());
    Instant now = clock.instant();
    StoredNotification stored = new StoredNotification(notifications.size(), randomUuid(), service.name(),
        reference.orElse(null), key.type(), send, sentFiles, now);
    sentFiles.values().forEach(file -> files.put(file.link().substring(file.link().lastIndexOf('/') + 1), file));
    notifications.add(stored);
    byId.put(stored.id, stored);
    reference.ifPresent(ref -> byReference.computeIfAbsent(ref, r -> new ArrayList<>(1)).add(stored));
    recentSends.computeIfAbsent(key.type(), k -> new ArrayDeque<>()).addLast(now);
    advance(stored, now);
    if (!stored.status.isFinal()) {
      pending.addLast(stored);
    }
    return view.apply(stored);
  }

  /** The notification with this id, if the key may see it. */
  synchronized <T> Optional<T> find(KeyType key, String id, Function<StoredNotification, T> view) {
    StoredNotification stored = byId.get(id);
    if (stored == null || !stored.visibleTo(key)) {
      return Optional.empty();
    }
    advance(stored, clock.instant());
    return Optional.of(view.apply(stored));
  }

  /** A page of what the key may see, newest first, filtered as the query says. */
  synchronized <T> Page<T> page(KeyType key, ListQuery query, int size, Function<StoredNotification, T> view) {
    Instant now = clock.instant();
    // With a reference, only that reference's messages are read, however many there are in all.
    List<StoredNotification> candidates = query.reference().isPresent()
        ? byReference.getOrDefault(query.reference().get(), List.of()) : notifications;
    int start = candidates.size() - 1;
    if (query.olderThan().isPresent()) {
      StoredNotification from = byId.get(query.olderThan().get());
      start = from == null ? -1 : lastOlderThan(candidates, from.position);
    }
    List<T> page = new ArrayList<>();
    String lastId = null;
    for (int i = start; i >= 0; i--) {
      StoredNotification stored = candidates.get(i);
      if (!stored.visibleTo(key)) {
        continue;
      }
      advance(stored, now);
      if (query.type().isPresent() && stored.type != query.type().get()) {
        continue;
      }
      if (!query.statuses().isEmpty() && query.statuses().stream().noneMatch(status -> matches(status, stored))) {
        continue;
      }
      if (page.size() == size) {
        return new Page<>(page, true, Optional.ofNullable(lastId));
      }
      page.add(view.apply(stored));
      lastId = stored.id;
    }
    return new Page<>(page, false, Optional.ofNullable(lastId));
  }

  /** Moves statuses on; a notification reaching its final status is passed to {@code finished}. */
  synchronized void tick() {
    Instant now = clock.instant();
    forgetExpiredTexts(now);
    // All pending messages share one delivery delay, so the oldest is always the first due.
    while (!pending.isEmpty()) {
      StoredNotification oldest = pending.peekFirst();
      advance(oldest, now);
      if (!oldest.status.isFinal()) {
        return;
      }
      pending.pollFirst();
    }
  }

  /** A file sent by email, by the id its link ends with. */
  synchronized Optional<SimulatedFile> file(String id) {
    return Optional.ofNullable(files.get(id));
  }

  /** A text message arrives from someone. */
  synchronized ReceivedText receive(String from, String content) {
    ReceivedText text = new ReceivedText(randomUuid(), service.serviceId(), from, service.inboundNumber(), content,
        clock.instant());
    long position = nextReceivedPosition++;
    receivedPositions.put(text.id(), position);
    received.put(position, text);
    return text;
  }

  /**
   * A page of received texts 7 days old or newer, newest first, older than the one given (as Notify
   * pages them: an id it does not have, or no longer has, gives an empty page).
   */
  synchronized List<ReceivedText> receivedTexts(Optional<String> olderThan, int size) {
    Instant now = clock.instant();
    forgetExpiredTexts(now);
    NavigableMap<Long, ReceivedText> older = received;
    if (olderThan.isPresent()) {
      Long position = receivedPositions.get(olderThan.get());
      if (position == null) {
        return List.of();
      }
      older = received.headMap(position, false);
    }
    Instant oldestKept = now.minus(RECEIVED_TEXTS_KEPT);
    List<ReceivedText> page = new ArrayList<>();
    for (ReceivedText text : older.descendingMap().values()) {
      if (page.size() == size) {
        break;
      }
      // A clock set back can leave an old text behind a newer one; it is left out all the same.
      if (!text.createdAt().isBefore(oldestKept)) {
        page.add(text);
      }
    }
    return page;
  }

  /**
   * Drops texts more than 7 days old from the front, so a simulator that runs for weeks holds a
   * week of texts, not every text it was sent.
   */
  private void forgetExpiredTexts(Instant now) {
    Instant oldestKept = now.minus(RECEIVED_TEXTS_KEPT);
    while (!received.isEmpty() && received.firstEntry().getValue().createdAt().isBefore(oldestKept)) {
      receivedPositions.remove(received.pollFirstEntry().getValue().id());
    }
  }

  /** How many received texts are held in memory, expired or not: what a test of their expiry reads. */
  synchronized int receivedTextsHeld() {
    return received.size();
  }

  synchronized int countByReference(String reference) {
    return byReference.getOrDefault(reference, List.of()).size();
  }

  synchronized List<SimulatedNotification> snapshot() {
    Instant now = clock.instant();
    List<SimulatedNotification> copy = new ArrayList<>(notifications.size());
    for (StoredNotification stored : notifications) {
      advance(stored, now);
      copy.add(stored.toSimulated());
    }
    return copy;
  }

  synchronized void reset() {
    notifications.clear();
    byId.clear();
    byReference.clear();
    pending.clear();
    recentSends.clear();
    sentToday.clear();
    files.clear();
    received.clear();
    receivedPositions.clear();
  }

  private void advance(StoredNotification stored, Instant now) {
    if (stored.advance(now, config.deliveryDelay())) {
      finished.accept(stored);
    }
  }

  private void countDaily(KeyType keyType, TemplateType type) throws NotifyError.Rejected {
    if (keyType == KeyType.TEST) {
      return;
    }
    LocalDate now = LocalDate.now(clock);
    if (!now.equals(today)) {
      today = now;
      sentToday.clear();
    }
    int limit = switch (type) {
      case EMAIL -> config.dailyLimits().email();
      case SMS -> config.dailyLimits().sms();
      case LETTER -> config.dailyLimits().letter();
    };
    int sent = sentToday.getOrDefault(type, 0);
    if (sent >= limit) {
      throw new NotifyError(429, "TooManyRequestsError", "Exceeded send limits (" + type.apiName() + ": " + limit
          + ") for today").rejected();
    }
    sentToday.put(type, sent + 1);
  }

  /** {@code failed} matches every failure, as in Notify; other filters one status. */
  private static boolean matches(String filter, StoredNotification stored) {
    return filter.equals("failed") ? stored.status.isFailure() : filter.equals(stored.status.apiName());
  }

  /** The index in candidates (ordered by position) of the last one older than position, or -1. */
  private static int lastOlderThan(List<StoredNotification> candidates, int position) {
    int low = 0;
    int high = candidates.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (candidates.get(middle).position < position) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return high;
  }

  /**
   * A version 4 UUID from a fast random source: notification ids must be unique, not unguessable,
   * and {@link UUID#randomUUID()} makes every send queue for one SecureRandom.
   */
  private static String randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(high, low).toString();
  }
}
