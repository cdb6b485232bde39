package org.stpkit.forms.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Where uploaded files are kept while their journey lasts. The engine stores a file once it has
 * passed its checks and the virus scan, reads it back to hand it to the submission, and removes a
 * journey's files when the journey is sent, and those of journeys that expired. Ids are the
 * store's own, random; a user's file name is never part of where a file is kept. Implementations
 * must be thread-safe and throw (any unchecked exception) when they cannot store or read.
 *
 * @see FileSystemFileStore the default: a directory
 */
public interface FileStore {
  /** Keeps a journey's file; returns its new random id. */
  String store(String journeyKey, byte[] content);

  /** A journey's file; empty when it is not there (removed, expired). */
  Optional<byte[]> read(String journeyKey, String fileId);

  /** Removes one file (the user replaced it). */
  void delete(String journeyKey, String fileId);

  /** Removes every file of a journey: it was sent. */
  void deleteJourney(String journeyKey);

  /** Marks a journey's files as in use at {@code now}, so that they outlive journeys left alone. */
  void touch(String journeyKey, Instant now);

  /** Removes the files of journeys not touched since {@code before} (they expired); how many journeys. */
  int deleteUntouchedSince(Instant before);
}
