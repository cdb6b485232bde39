package org.stpkit.forms.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The default {@link FileStore}: a directory with a folder per journey, named by the journey's key
 * (a digest of the session, never its id), and each file named by a random id. Nothing a user sends
 * becomes part of a path. A folder's modification time is when its journey was last touched. Give
 * every instance of a service the same directory (a shared volume), or use a store of your own.
 */
public final class FileSystemFileStore implements FileStore {
  /** Journey keys and file ids are URL-safe Base64: anything else is refused before it reaches a path. */
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-]{16,100}");
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path directory;
  private final SecureRandom random = new SecureRandom();

  private FileSystemFileStore(Path directory) {
    this.directory = directory;
  }

  /**
   * Files kept in this directory, which is made (readable by this user only) if it is missing.
   *
   * @throws UncheckedIOException when it cannot be made
   */
  public static FileSystemFileStore in(Path directory) {
    Objects.requireNonNull(directory, "directory");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make the upload directory " + directory, e);
    }
    return new FileSystemFileStore(directory);
  }

  /** Files kept in a new directory of the system's temporary folder: for one instance, or for trying things out. */
  public static FileSystemFileStore inTemporaryDirectory() {
    try {
      return new FileSystemFileStore(POSIX
          ? Files.createTempDirectory("stp-forms-uploads-", PosixFilePermissions.asFileAttribute(
              PosixFilePermissions.fromString("rwx------")))
          : Files.createTempDirectory("stp-forms-uploads-"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make a temporary upload directory", e);
    }
  }

  /** Where the files are. */
  public Path directory() {
    return directory;
  }

  @Override
  public String store(String journeyKey, byte[] content) {
    Path folder = folder(journeyKey);
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      Files.createDirectories(folder);
      // Written aside and moved into place, so that a reader never sees half a file.
      Path partial = folder.resolve(id + ".partial");
      Files.write(partial, content);
      Files.move(partial, folder.resolve(id), StandardCopyOption.ATOMIC_MOVE);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store an upload in " + folder, e);
    }
  }

  @Override
  public Optional<byte[]> read(String journeyKey, String fileId) {
    try {
      return Optional.of(Files.readAllBytes(file(journeyKey, fileId)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read upload " + fileId, e);
    }
  }

  @Override
  public void delete(String journeyKey, String fileId) {
    try {
      Files.deleteIfExists(file(journeyKey, fileId));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete upload " + fileId, e);
    }
  }

  @Override
  public void deleteJourney(String journeyKey) {
    deleteFolder(folder(journeyKey));
  }

  @Override
  public void touch(String journeyKey, Instant now) {
    Path folder = folder(journeyKey);
    try {
      if (Files.isDirectory(folder)) {
        Files.setLastModifiedTime(folder, FileTime.from(now));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot touch the uploads of a journey in " + folder, e);
    }
  }

  @Override
  public int deleteUntouchedSince(Instant before) {
    int deleted = 0;
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(directory, Files::isDirectory)) {
      for (Path folder : folders) {
        if (Files.getLastModifiedTime(folder).toInstant().isBefore(before)) {
          deleteFolder(folder);
          deleted++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the upload directory " + directory, e);
    }
    return deleted;
  }

  private Path folder(String journeyKey) {
    return directory.resolve(safe(journeyKey, "journey key"));
  }

  private Path file(String journeyKey, String fileId) {
    return folder(journeyKey).resolve(safe(fileId, "file id"));
  }

  private static String safe(String name, String what) {
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a " + what + " of this store: " + name);
    }
    return name;
  }

  private static void deleteFolder(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(folder);
    } catch (NoSuchFileException e) {
      // Already gone: another request or instance removed it.
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the uploads in " + folder, e);
    }
  }
}
