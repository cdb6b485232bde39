package org.stpkit.localkeycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionsTest {
  @TempDir
  Path temp;

  @Test
  void unpacksOnceIntoTheCacheWithExecutableScripts() throws IOException {
    Path zip = zip("dist.zip", Map.of("keycloak-9.9.9/bin/kc.sh", "#!/bin/sh\n", "keycloak-9.9.9/lib/a.jar", "jar"));
    Path cache = temp.resolve("cache");

    Path home = Distributions.unpack(zip, cache);

    assertThat(home).isEqualTo(cache.resolve("keycloak-9.9.9"));
    assertThat(home.resolve("bin/kc.sh")).isExecutable();
    assertThat(home.resolve("lib/a.jar")).hasContent("jar");
    try (var left = Files.list(cache)) {
      assertThat(left).as("no partial folder left behind").containsExactly(home);
    }

    Files.writeString(home.resolve("lib/a.jar"), "changed by the first run");
    assertThat(Distributions.unpack(zip, cache)).isEqualTo(home);
    assertThat(home.resolve("lib/a.jar")).as("a second run reuses the unpacked folder").hasContent("changed by the first run");
  }

  @Test
  void refusesAZipThatIsNoKeycloak() throws IOException {
    Path zip = zip("other.zip", Map.of("something/readme.txt", "hello"));

    assertThatThrownBy(() -> Distributions.unpack(zip, temp.resolve("cache")))
        .isInstanceOfSatisfying(LocalKeycloakException.class,
            e -> assertThat(e.reason()).isEqualTo(LocalKeycloakException.Reason.NO_DISTRIBUTION))
        .hasMessageContaining("is not a Keycloak distribution");
  }

  @Test
  void refusesEntriesThatPointOutsideTheCache() throws IOException {
    Path zip = zip("evil.zip", Map.of("keycloak-1/bin/kc.sh", "#!/bin/sh\n", "keycloak-1/../../escaped.txt", "x"));

    assertThatThrownBy(() -> Distributions.unpack(zip, temp.resolve("cache")))
        .isInstanceOf(LocalKeycloakException.class)
        .hasMessageContaining("points outside");
    assertThat(temp.resolve("escaped.txt")).doesNotExist();
    assertThat(temp.resolve("cache/keycloak-1")).doesNotExist();
  }

  @Test
  void aFileThatIsNotAZipIsNamed() throws IOException {
    Path notZip = Files.writeString(temp.resolve("broken.zip"), "<html>proxy error</html>");

    assertThatThrownBy(() -> Distributions.unpack(notZip, temp.resolve("cache")))
        .isInstanceOf(LocalKeycloakException.class)
        .hasMessageContaining("Cannot unpack Keycloak from " + notZip);
  }

  private Path zip(String name, Map<String, String> entries) throws IOException {
    Path zip = temp.resolve(name);
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return zip;
  }
}
