package org.stpkit.idam.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.stpkit.idam.IdamException;

/**
 * The SCIM endpoint's leaver fuse: counts leavers in a sliding window and, past the limit, blows
 * and queues every later leaver until an operator releases them. With a state file, every change
 * is written there (to a new file, forced to disk, then moved over the old one) before the push is
 * answered, so a restart neither forgets the queue nor mends a blown fuse: a runaway sync must not
 * get another full window of leavers each time the service restarts. Thread-safe.
 */
final class LeaverFuse {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int limit;
  private final Duration window;
  private final Optional<Path> stateFile;
  private final Deque<Instant> recentLeavers = new ArrayDeque<>();
  private final List<String> queued = new ArrayList<>();
  private boolean blown;

  private LeaverFuse(int limit, Duration window, Optional<Path> stateFile) {
    this.limit = limit;
    this.window = window;
    this.stateFile = stateFile;
  }

  /**
   * A fuse of {@code limit} leavers in {@code window}, carrying on from {@code stateFile} when it
   * exists.
   *
   * @throws IdamException when the state file cannot be read: starting with the fuse mended and the
   *     queue empty would let the leavers it held through unseen
   */
  static LeaverFuse open(int limit, Duration window, Optional<Path> stateFile) {
    LeaverFuse fuse = new LeaverFuse(limit, window, stateFile);
    if (stateFile.isPresent() && Files.exists(stateFile.get())) {
      fuse.load(stateFile.get());
    }
    return fuse;
  }

  /**
   * Counts a leaver pushed {@code now}; whether the fuse held them back (queued) rather than letting
   * them be applied.
   */
  synchronized boolean holdsBack(String employeeNumber, Instant now) {
    while (!recentLeavers.isEmpty() && recentLeavers.peekFirst().isBefore(now.minus(window))) {
      recentLeavers.removeFirst();
    }
    boolean hold = blown || recentLeavers.size() >= limit;
    if (hold) {
      blown = true;
      if (!queued.contains(employeeNumber)) {
        queued.add(employeeNumber);
      }
    } else {
      recentLeavers.addLast(now);
    }
    save();
    return hold;
  }

  /** Employee numbers of the leavers held back, oldest first. */
  synchronized List<String> queued() {
    return List.copyOf(queued);
  }

  synchronized boolean blown() {
    return blown;
  }

  /** Forgets one queued leaver, once they have been applied. */
  synchronized void released(String employeeNumber) {
    queued.remove(employeeNumber);
    save();
  }

  /**
   * Mends the fuse, the window starting again from empty, if nobody is queued; whether it did. A
   * leaver queued while the others were being released keeps it blown until they are released too.
   */
  synchronized boolean mendIfNoneQueued() {
    if (!queued.isEmpty()) {
      return false;
    }
    recentLeavers.clear();
    blown = false;
    save();
    return true;
  }

  private void load(Path file) {
    try {
      JsonNode state = JSON.readTree(file.toFile());
      if (state == null || !state.path("blown").isBoolean() || !state.path("recentLeavers").isArray()
          || !state.path("queued").isArray()) {
        throw new IOException("expected blown, recentLeavers and queued");
      }
      blown = state.get("blown").booleanValue();
      for (JsonNode at : state.get("recentLeavers")) {
        recentLeavers.addLast(Instant.parse(at.asText()));
      }
      for (JsonNode employeeNumber : state.get("queued")) {
        queued.add(employeeNumber.asText());
      }
    } catch (IOException | DateTimeParseException unreadable) {
      throw new IdamException("Cannot read the leaver fuse's state " + file + " (" + unreadable.getMessage()
          + "): it may hold leavers queued for approval, so the service does not start without it;"
          + " restore it, or remove it once the HR system's leavers have been checked", unreadable);
    }
  }

  private void save() {
    if (stateFile.isEmpty()) {
      return;
    }
    Path file = stateFile.get();
    ObjectNode state = JSON.createObjectNode();
    state.put("blown", blown);
    ArrayNode times = state.putArray("recentLeavers");
    recentLeavers.forEach(at -> times.add(at.toString()));
    ArrayNode held = state.putArray("queued");
    queued.forEach(held::add);
    Path written = file.resolveSibling(file.getFileName() + ".new");
    try {
      try (FileChannel channel = FileChannel.open(written, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(state)));
        channel.force(true);
      }
      Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException failed) {
      throw new IdamException("Cannot write the leaver fuse's state " + file + ": " + failed.getMessage(), failed);
    }
  }
}
