package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the example's jar is built again, and what a failed build says. */
class ExampleBuildTest {
  private static final Path KIT = Path.of("..").toAbsolutePath().normalize();
  private static final Instant BUILT = Instant.parse("2026-01-01T12:00:00Z");

  @TempDir Path checkout;
  private Path jar;
  private ExampleBuild build;

  @BeforeEach
  void aCheckoutBuiltOnce() throws IOException {
    pom("pom.xml", "stp-parent", List.of());
    pom("app/pom.xml", "app", List.of("library"));
    pom("library/pom.xml", "library", List.of("core"));
    pom("libs/pom.xml", "libs-parent", List.of());
    pom("libs/core/pom.xml", "core", List.of());
    pom("unrelated/pom.xml", "unrelated", List.of());
    for (String source : List.of("app/src/App.java", "library/src/Library.java", "libs/core/src/Core.java",
        "unrelated/src/Other.java", "library/node_modules/x/index.js")) {
      write(source, BUILT.minusSeconds(60));
    }
    jar = checkout.resolve("app/target/app.jar");
    write("app/target/app.jar", BUILT);
    build = new ExampleBuild(checkout, "app", jar, "mvn");
  }

  @Test
  void isUpToDateWhenNothingItIsBuiltFromIsNewer() {
    assertThat(build.reasonToBuild()).isEmpty();
  }

  @Test
  void buildsWhenTheJarIsMissing() throws IOException {
    Files.delete(jar);

    assertThat(build.reasonToBuild()).contains(jar);
  }

  @Test
  void buildsWhenAModuleItDependsOnChangesEvenThroughAnother() throws IOException {
    Path changed = write("libs/core/src/Core.java", BUILT.plusSeconds(5));

    assertThat(build.reasonToBuild()).contains(changed);
  }

  @Test
  void buildsWhenAParentPomChanges() throws IOException {
    Path changed = write("libs/pom.xml", BUILT.plusSeconds(5));

    assertThat(build.reasonToBuild()).contains(changed);
  }

  @Test
  void ignoresModulesItDoesNotUseAndBuildOutput() throws IOException {
    write("unrelated/src/Other.java", BUILT.plusSeconds(5));
    write("app/target/classes/App.class", BUILT.plusSeconds(5));
    write("library/node_modules/x/index.js", BUILT.plusSeconds(5));

    assertThat(build.reasonToBuild()).isEmpty();
  }

  @Test
  void theCaseworkingExampleIsBuiltFromTheKitModulesItUsesAndNotTheCliOrDocs() throws IOException {
    ExampleBuild example = new ExampleBuild(KIT, DemoSettings.MODULE, KIT.resolve("examples/caseworking/target/x.jar"),
        "mvn");

    List<Path> roots = example.sourceRoots();

    assertThat(roots).contains(KIT.resolve("examples/caseworking"), KIT.resolve("forms-engine"),
        KIT.resolve("notify-adapter"), KIT.resolve("idam-client"), KIT.resolve("design-system-templates"),
        KIT.resolve("spring-boot/stp-spring-boot-autoconfigure"), KIT.resolve("pom.xml"),
        KIT.resolve("spring-boot/pom.xml"));
    assertThat(roots).doesNotContain(KIT.resolve("cli"), KIT.resolve("docs"), KIT.resolve("benchmarks"), KIT);
  }

  @Test
  void aFailedBuildNamesItsLogAndShowsMavensErrors() throws IOException {
    Path maven = checkout.resolve("fake-mvn");
    Files.writeString(maven, """
        #!/bin/sh
        echo "[INFO] Building Core 1.0 [1/2]"
        echo "[INFO] Building App 1.0 [2/2]"
        echo "[ERROR] COMPILATION ERROR : App.java:[3,1] class, interface, enum, or record expected"
        exit 1
        """);
    maven.toFile().setExecutable(true);
    Path log = checkout.resolve("logs/build.log");
    List<String> statuses = new ArrayList<>();

    assertThatThrownBy(() -> new ExampleBuild(checkout, "app", jar, maven.toString())
        .build(new ChildProcesses(), log, statuses::add))
        .isInstanceOf(DemoProblem.class)
        .hasMessageContaining("The example did not build (mvn exited with 1). Maven's output is in " + log)
        .hasMessageContaining("[ERROR] COMPILATION ERROR : App.java:[3,1]");
    assertThat(statuses).containsExactly("building the example: module 1 of 2, Core",
        "building the example: module 2 of 2, App");
    assertThat(Files.readString(log)).contains("-pl app -am package", "[INFO] Building App 1.0 [2/2]");
  }

  @Test
  void aBuildThatRewritesASourceWithTheSameContentDoesNotCallForAnotherBuild() throws IOException {
    // As npm install does with package-lock.json, while Maven leaves the up-to-date jar as it was.
    Path maven = checkout.resolve("fake-mvn");
    Files.writeString(maven, "#!/bin/sh\ntouch library/src/Library.java\nexit 0\n");
    maven.toFile().setExecutable(true);

    new ExampleBuild(checkout, "app", jar, maven.toString())
        .build(new ChildProcesses(), checkout.resolve("logs/build.log"), status -> { });

    assertThat(Files.getLastModifiedTime(checkout.resolve("library/src/Library.java")).toInstant()).isAfter(BUILT);
    assertThat(build.reasonToBuild()).isEmpty();
  }

  @Test
  void noMavenSaysWhatToInstall() {
    assertThatThrownBy(() -> new ExampleBuild(checkout, "app", jar, checkout.resolve("no-such-mvn").toString())
        .build(new ChildProcesses(), checkout.resolve("build.log"), status -> { }))
        .isInstanceOf(DemoProblem.class)
        .hasMessageContaining("Maven (mvn) could not be run")
        .hasMessageContaining("Install Maven 3.8 or later")
        .hasMessageContaining("--no-build");
  }

  private void pom(String file, String artifactId, List<String> dependencies) throws IOException {
    StringBuilder pom = new StringBuilder("<project>\n  <groupId>org.stpkit</groupId>\n  <artifactId>")
        .append(artifactId).append("</artifactId>\n  <dependencies>\n");
    for (String dependency : dependencies) {
      pom.append("    <dependency><groupId>org.stpkit</groupId><artifactId>").append(dependency)
          .append("</artifactId></dependency>\n");
    }
    pom.append("    <dependency><groupId>org.other</groupId><artifactId>elsewhere</artifactId></dependency>\n")
        .append("  </dependencies>\n</project>\n");
    write(file, BUILT.minusSeconds(60));
    Files.writeString(checkout.resolve(file), pom);
    Files.setLastModifiedTime(checkout.resolve(file), FileTime.from(BUILT.minusSeconds(60)));
  }

  private Path write(String file, Instant modified) throws IOException {
    Path path = checkout.resolve(file);
    Files.createDirectories(path.getParent());
    if (!Files.exists(path)) {
      Files.writeString(path, "x");
    }
    Files.setLastModifiedTime(path, FileTime.from(modified));
    return path;
  }
}
