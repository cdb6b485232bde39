package org.stpkit.localkeycloak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK a local Keycloak runs on. Keycloak 26 prefers Java 21 or later and still starts on 17,
 * which is all some systems package (Debian 12), so: {@code STP_KEYCLOAK_JAVA_HOME} when set, else
 * this JVM when it is 21 or later, else the newest JDK of 21 or later under /usr/lib/jvm, else this
 * JVM.
 */
public final class KeycloakJava {
  private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

  private KeycloakJava() {}

  public static Path choose() {
    String chosen = System.getenv("STP_KEYCLOAK_JAVA_HOME");
    if (chosen != null && !chosen.isBlank()) {
      return Path.of(chosen);
    }
    Path own = Path.of(System.getProperty("java.home"));
    if (Runtime.version().feature() >= 21) {
      return own;
    }
    return newestUnder(Path.of("/usr/lib/jvm"), 21).orElse(own);
  }

  /** The newest JDK of at least {@code minimum} in {@code folder}, by the version its {@code release} file gives. */
  static Optional<Path> newestUnder(Path folder, int minimum) {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> jdks = Files.list(folder)) {
      return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
          .filter(jdk -> version(jdk) >= minimum)
          .max(Comparator.comparingInt(KeycloakJava::version).thenComparing(Comparator.naturalOrder()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The feature version a JDK's {@code release} file names; 0 when it cannot be read. */
  static int version(Path jdk) {
    try {
      Matcher matcher = RELEASE_VERSION.matcher(Files.readString(jdk.resolve("release")));
      return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }
}
