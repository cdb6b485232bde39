package org.stpkit.forms.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saved journeys in this JVM's memory: for tests and {@code stp forms preview}. They are lost when it
 * stops, which a link that works for weeks must not be: serve real users with a store in a database
 * (forms-outbox's {@code FormsProgressStore}). Expired answers are forgotten on the next save, the
 * link itself 90 days after it expired.
 */
public final class InMemoryProgressStore implements ProgressStore {
  private record Entry(Optional<SavedProgress> progress, SavedProgress.Link link) {}

  private static final Duration KEEP_EXPIRED = Duration.ofDays(90);

  private final Map<String, Entry> links = new ConcurrentHashMap<>();

  @Override
  public void save(SavedProgress progress) {
    // As the database store does: expired answers forgotten, the link kept a while to say it expired.
    Instant now = progress.savedAt();
    links.values().removeIf(entry -> entry.link().expiresAt().plus(KEEP_EXPIRED).isBefore(now));
    links.replaceAll((hash, entry) -> entry.link().expiresAt().isAfter(now) ? entry
        : new Entry(Optional.empty(), with(entry.link(), entry.link().used(), entry.link().attempts(), true)));
    links.put(progress.tokenHash(), new Entry(Optional.of(progress), new SavedProgress.Link(progress.formId(),
        progress.savedAt(), progress.expiresAt(), false, 0, progress.securityAnswerHash(), false)));
  }

  @Override
  public Optional<SavedProgress.Link> find(String tokenHash) {
    return Optional.ofNullable(links.get(tokenHash)).map(Entry::link);
  }

  @Override
  public int countAttempt(String tokenHash) {
    Entry counted = links.computeIfPresent(tokenHash, (hash, entry) -> new Entry(entry.progress(),
        with(entry.link(), entry.link().used(), entry.link().attempts() + 1, entry.link().discarded())));
    return counted == null ? 0 : counted.link().attempts();
  }

  @Override
  public Optional<SavedProgress> use(String tokenHash, Instant now) {
    Entry[] before = new Entry[1];
    links.computeIfPresent(tokenHash, (hash, entry) -> {
      if (entry.link().used() || entry.progress().isEmpty() || !entry.link().expiresAt().isAfter(now)) {
        return entry;
      }
      before[0] = entry;
      return new Entry(Optional.empty(), with(entry.link(), true, entry.link().attempts(), true));
    });
    return before[0] == null ? Optional.empty() : before[0].progress();
  }

  @Override
  public void discard(String tokenHash) {
    links.computeIfPresent(tokenHash, (hash, entry) -> new Entry(Optional.empty(),
        with(entry.link(), entry.link().used(), entry.link().attempts(), true)));
  }

  private static SavedProgress.Link with(SavedProgress.Link link, boolean used, int attempts, boolean discarded) {
    return new SavedProgress.Link(link.formId(), link.savedAt(), link.expiresAt(), used, attempts,
        discarded ? Optional.empty() : link.securityAnswerHash(), discarded);
  }
}
