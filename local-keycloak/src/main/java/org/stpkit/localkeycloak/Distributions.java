package org.stpkit.localkeycloak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak's distribution zip ({@code org.keycloak:keycloak-quarkus-dist:<version>:zip}) unpacked
 * once into a cache folder and reused: unpacking takes seconds and 190 MB, so a second start
 * should not pay it again.
 */
public final class Distributions {
  private Distributions() {}

  /**
   * The cache for STP Kit's downloads: {@code STP_CACHE_HOME} when set, else
   * {@code $XDG_CACHE_HOME/stp}, else {@code ~/.cache/stp}. Deleting it only costs the next run
   * the time to fill it again.
   */
  public static Path cacheHome() {
    String own = System.getenv("STP_CACHE_HOME");
    if (own != null && !own.isBlank()) {
      return Path.of(own);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "stp");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "stp");
  }

  /**
   * The distribution unpacked under {@code cache}: {@code cache/keycloak-<version>} (the zip's own
   * top folder), unpacked from {@code zip} only when it is not there yet. Unpacking goes to a
   * temporary folder first and is moved into place whole, so a stopped run never leaves half a
   * Keycloak to be reused.
   *
   * @throws LocalKeycloakException {@link LocalKeycloakException.Reason#NO_DISTRIBUTION} when the
   *     zip cannot be read or holds no {@code bin/kc.sh}
   */
  public static Path unpack(Path zip, Path cache) {
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      String top = topFolder(archive, zip);
      Path home = cache.resolve(top);
      if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
        return home;
      }
      Files.createDirectories(cache);
      Path partial = Files.createTempDirectory(cache, top + ".partial-");
      try {
        extract(archive, partial);
        Path unpacked = partial.resolve(top);
        if (!Files.isRegularFile(unpacked.resolve("bin/kc.sh"))) {
          throw new LocalKeycloakException(LocalKeycloakException.Reason.NO_DISTRIBUTION,
              zip + " is not a Keycloak distribution: it has no " + top + "/bin/kc.sh");
        }
        makeScriptsExecutable(unpacked.resolve("bin"));
        try {
          Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(unpacked, home);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherRunWon) {
          // Another run unpacked the same distribution meanwhile; theirs is as good as ours.
        }
      } finally {
        deleteTree(partial);
      }
      return home;
    } catch (IOException e) {
      throw new LocalKeycloakException(LocalKeycloakException.Reason.NO_DISTRIBUTION,
          "Cannot unpack Keycloak from " + zip + ": " + e.getMessage(), e);
    }
  }

  private static String topFolder(ZipFile archive, Path zip) {
    Enumeration<? extends ZipEntry> entries = archive.entries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      int slash = name.indexOf('/');
      if (slash > 0 && name.substring(slash + 1).equals("bin/kc.sh")) {
        return name.substring(0, slash);
      }
    }
    throw new LocalKeycloakException(LocalKeycloakException.Reason.NO_DISTRIBUTION,
        zip + " is not a Keycloak distribution: it has no <folder>/bin/kc.sh");
  }

  private static void extract(ZipFile archive, Path target) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    Enumeration<? extends ZipEntry> entries = archive.entries();
    while (entries.hasMoreElements()) {
      ZipEntry entry = entries.nextElement();
      Path destination = root.resolve(entry.getName()).normalize();
      if (!destination.startsWith(root)) {
        // A "../" entry would write outside the cache.
        throw new IOException("the zip entry " + entry.getName() + " points outside the folder it is unpacked to");
      }
      if (entry.isDirectory()) {
        Files.createDirectories(destination);
        continue;
      }
      Files.createDirectories(destination.getParent());
      try (InputStream in = archive.getInputStream(entry)) {
        Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  // Zip entries carry no Unix permissions that java.util.zip reads, so the launch scripts are made
  // executable by name.
  private static void makeScriptsExecutable(Path bin) throws IOException {
    try (Stream<Path> files = Files.list(bin)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".sh")).toList()) {
        if (!file.toFile().setExecutable(true, false)) {
          throw new IOException("cannot make " + file + " executable");
        }
      }
    }
  }

  static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
      for (Path path : deepestFirst) {
        Files.delete(path);
      }
    }
  }
}
