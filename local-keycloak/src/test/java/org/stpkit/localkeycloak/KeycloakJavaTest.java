package org.stpkit.localkeycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakJavaTest {
  @TempDir
  Path jvms;

  @Test
  void choosesTheNewestJdkOfAtLeastTheMinimum() throws IOException {
    jdk("java-17", "17.0.15");
    jdk("jdk-21", "21.0.4");
    Path newest = jdk("temurin-25", "25");
    jdk("broken-99", null);

    assertThat(KeycloakJava.newestUnder(jvms, 21)).contains(newest);
    assertThat(KeycloakJava.newestUnder(jvms, 26)).isEmpty();
    assertThat(KeycloakJava.newestUnder(jvms.resolve("absent"), 17)).isEmpty();
  }

  @Test
  void readsTheFeatureVersionFromTheReleaseFile() throws IOException {
    assertThat(KeycloakJava.version(jdk("a", "17.0.15"))).isEqualTo(17);
    assertThat(KeycloakJava.version(jdk("b", "25"))).isEqualTo(25);
    assertThat(KeycloakJava.version(jvms.resolve("none"))).isZero();
  }

  private Path jdk(String name, String version) throws IOException {
    Path jdk = jvms.resolve(name);
    Files.createDirectories(jdk.resolve("bin"));
    Path java = Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\n");
    java.toFile().setExecutable(true);
    if (version != null) {
      Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
    }
    return jdk;
  }
}
