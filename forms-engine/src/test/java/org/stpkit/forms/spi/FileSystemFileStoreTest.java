package org.stpkit.forms.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default file store: a folder per journey, files by random id, removed when sent or expired. */
class FileSystemFileStoreTest {
  private static final String JOURNEY = "c2Vzc2lvbi1kaWdlc3Qtb25lLTAxMjM0NTY3";
  private static final String OTHER_JOURNEY = "c2Vzc2lvbi1kaWdlc3QtdHdvLTAxMjM0NTY3";

  @TempDir
  Path directory;

  @Test
  void keepsAFileUnderARandomIdAndReadsItBack() {
    FileSystemFileStore store = FileSystemFileStore.in(directory.resolve("uploads"));
    byte[] content = "%PDF-1.4 a report".getBytes(StandardCharsets.US_ASCII);
    String first = store.store(JOURNEY, content);
    String second = store.store(JOURNEY, content);
    assertThat(first).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(second);
    assertThat(store.read(JOURNEY, first)).hasValueSatisfying(read -> assertThat(read).isEqualTo(content));
    assertThat(store.read(OTHER_JOURNEY, first)).as("another journey's file is not there").isEmpty();
    assertThat(directory.resolve("uploads").resolve(JOURNEY).resolve(first)).exists();
  }

  @Test
  void deletesOneFileOrAWholeJourney() throws IOException {
    FileSystemFileStore store = FileSystemFileStore.in(directory);
    String kept = store.store(JOURNEY, new byte[] {1});
    String replaced = store.store(JOURNEY, new byte[] {2});
    String other = store.store(OTHER_JOURNEY, new byte[] {3});
    store.delete(JOURNEY, replaced);
    assertThat(store.read(JOURNEY, replaced)).isEmpty();
    assertThat(store.read(JOURNEY, kept)).isPresent();
    store.deleteJourney(JOURNEY);
    assertThat(directory.resolve(JOURNEY)).doesNotExist();
    assertThat(store.read(OTHER_JOURNEY, other)).isPresent();
    store.deleteJourney(JOURNEY);
  }

  @Test
  void sweepsJourneysNotTouchedSinceTheCutOff() {
    FileSystemFileStore store = FileSystemFileStore.in(directory);
    Instant now = Instant.parse("2026-12-06T10:00:00Z");
    store.store(JOURNEY, new byte[] {1});
    store.store(OTHER_JOURNEY, new byte[] {2});
    store.touch(JOURNEY, now.minusSeconds(3 * 3600));
    store.touch(OTHER_JOURNEY, now.minusSeconds(60));
    assertThat(store.deleteUntouchedSince(now.minusSeconds(3600))).isEqualTo(1);
    assertThat(directory.resolve(JOURNEY)).doesNotExist();
    assertThat(directory.resolve(OTHER_JOURNEY)).exists();
  }

  @Test
  void refusesKeysAndIdsThatAreNotItsOwnSoNothingSentBecomesAPath() throws IOException {
    FileSystemFileStore store = FileSystemFileStore.in(directory.resolve("uploads"));
    Files.writeString(directory.resolve("secret.txt"), "not an upload");
    assertThatThrownBy(() -> store.read(JOURNEY, "../../secret.txt")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.store("../escape-from-the-uploads", new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.deleteJourney("..")).isInstanceOf(IllegalArgumentException.class);
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("uploads", "secret.txt");
    }
  }

  @Test
  void theTemporaryDirectoryIsTheUsersOwn() throws IOException {
    FileSystemFileStore store = FileSystemFileStore.inTemporaryDirectory();
    try {
      assertThat(store.directory()).isDirectory();
      if (Files.getFileStore(store.directory()).supportsFileAttributeView("posix")) {
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory())))
            .isEqualTo("rwx------");
      }
    } finally {
      Files.deleteIfExists(store.directory());
    }
  }
}
