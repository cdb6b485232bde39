package org.stpkit.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A module's runnable jar, built with Maven from the checkout when it is missing or older than any
 * file it is built from: the module's own files, those of the kit's modules it depends on (read
 * from the poms, transitively), and the poms of their parents. Changing the CLI or the docs does not
 * rebuild the example, so a second {@code stp demo} starts at once.
 */
final class ExampleBuild {
  private static final String GROUP = "org.stpkit";
  private static final Set<String> NOT_SOURCES = Set.of("target", "node_modules", ".git");
  private static final Pattern BUILDING = Pattern.compile("^\\[INFO\\] Building (.+?) \\S+\\s+\\[(\\d+)/(\\d+)]$");

  private final Path checkout;
  private final String module;
  private final Path jar;
  private final String maven;

  /**
   * {@code module} is the module's folder in {@code checkout} ("examples/caseworking"), {@code jar}
   * its runnable jar, {@code maven} the command that runs Maven ("mvn", found on the PATH).
   */
  ExampleBuild(Path checkout, String module, Path jar, String maven) {
    this.checkout = checkout.toAbsolutePath().normalize();
    this.module = module;
    this.jar = jar;
    this.maven = maven;
  }

  Path jar() {
    return jar;
  }

  /** A file the jar is built from that is newer than the jar, or the jar itself when it is missing; empty when it is up to date. */
  Optional<Path> reasonToBuild() {
    if (!Files.isRegularFile(jar)) {
      return Optional.of(jar);
    }
    try {
      FileTime built = Files.getLastModifiedTime(jar);
      for (Path source : sourceRoots()) {
        Optional<Path> newer = newerThan(source, built);
        if (newer.isPresent()) {
          return newer;
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Builds the module and the kit's modules it needs ({@code mvn package -pl <module> -am}, tests
   * skipped: CI runs them), writing Maven's output to {@code log} and telling {@code status} which
   * module is building.
   *
   * @throws DemoProblem when Maven cannot be run or the build fails, naming the log
   */
  void build(ChildProcesses processes, Path log, Consumer<String> status) {
    List<String> command = List.of(maven, "-B", "-Dmaven.test.skip=true", "-pl", module, "-am", "package");
    Process maven;
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      maven = processes.startReading(new ProcessBuilder(command).directory(checkout.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(nullDevice())));
    } catch (IOException e) {
      throw new DemoProblem("Maven (mvn) could not be run: " + e.getMessage() + ". Install Maven 3.8 or later and"
          + " put mvn on the PATH, or build " + module + " yourself and run stp demo --no-build.");
    }
    List<String> errors = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter to = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
      to.println("$ " + String.join(" ", command) + "   (in " + checkout + ")");
      String line;
      while ((line = in.readLine()) != null) {
        to.println(line);
        Matcher building = BUILDING.matcher(line);
        if (building.matches()) {
          status.accept("building the example: module " + building.group(2) + " of " + building.group(3) + ", "
              + building.group(1));
        } else if (line.startsWith("[ERROR]") && errors.size() < 8 && !line.isBlank()) {
          errors.add(line);
        }
      }
    } catch (IOException e) {
      throw new DemoProblem("Could not write the build's log " + log + ": " + e.getMessage());
    }
    int exit = waitFor(maven);
    if (exit != 0) {
      StringBuilder message = new StringBuilder("The example did not build (mvn exited with " + exit + "). Maven's"
          + " output is in " + log + ".");
      errors.forEach(error -> message.append(System.lineSeparator()).append("  ").append(error));
      throw new DemoProblem(message.toString());
    }
    if (!Files.isRegularFile(jar)) {
      throw new DemoProblem("Maven built " + module + " but made no " + jar + "; Maven's output is in " + log + ".");
    }
    // Maven leaves a jar that is up to date as it was, while the build rewrites tracked files with
    // the same content (npm install's package-lock.json): the jar is dated from the build's end, or
    // those files would be newer than it and every run would build again.
    try {
      Files.setLastModifiedTime(jar, FileTime.from(java.time.Instant.now()));
    } catch (IOException e) {
      throw new DemoProblem("Cannot date the built " + jar + ": " + e.getMessage());
    }
  }

  private static int waitFor(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoProblem("Interrupted while the example was building");
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /**
   * What the jar is built from: the folders of the module and of every kit module it depends on,
   * and the pom of each of their parents (whose folders hold other modules too).
   */
  List<Path> sourceRoots() throws IOException {
    Map<Path, Pom> models = new HashMap<>();
    Map<String, Path> poms = modulePoms(models);
    Set<Path> roots = new LinkedHashSet<>();
    Deque<Path> toRead = new ArrayDeque<>(List.of(checkout.resolve(module).resolve("pom.xml")));
    Set<Path> seen = new LinkedHashSet<>();
    while (!toRead.isEmpty()) {
      Path pom = toRead.pop();
      if (!seen.add(pom)) {
        continue;
      }
      Pom model = models.computeIfAbsent(pom, Pom::read);
      roots.add(pom.getParent());
      for (String dependency : model.kitDependencies()) {
        Path dependencyPom = poms.get(dependency);
        if (dependencyPom != null) {
          toRead.push(dependencyPom);
        }
      }
      // The parents' poms only: their folders hold every other module as well.
      for (Path parent = pom.getParent().getParent(); parent != null && parent.startsWith(checkout);
          parent = parent.getParent()) {
        if (Files.isRegularFile(parent.resolve("pom.xml"))) {
          roots.add(parent.resolve("pom.xml"));
        }
      }
    }
    return List.copyOf(roots);
  }

  /** Every module's pom in the checkout, by artifact id; each pom read is kept in {@code models}. */
  private Map<String, Path> modulePoms(Map<Path, Pom> models) throws IOException {
    Map<String, Path> poms = new HashMap<>();
    try (Stream<Path> found = Files.find(checkout, 4, (path, attributes) -> attributes.isRegularFile()
        && path.getFileName().toString().equals("pom.xml") && noneExcluded(checkout.relativize(path)))) {
      found.forEach(pom -> poms.put(models.computeIfAbsent(pom, Pom::read).artifactId(), pom));
    }
    return poms;
  }

  private static boolean noneExcluded(Path relative) {
    for (Path part : relative) {
      if (NOT_SOURCES.contains(part.toString())) {
        return false;
      }
    }
    return true;
  }

  /** The first file under {@code root} (or {@code root} itself, a file) modified after {@code time}. */
  private static Optional<Path> newerThan(Path root, FileTime time) throws IOException {
    if (Files.isRegularFile(root)) {
      return Files.getLastModifiedTime(root).compareTo(time) > 0 ? Optional.of(root) : Optional.empty();
    }
    Path[] newer = new Path[1];
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        return NOT_SOURCES.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
            : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (attributes.lastModifiedTime().compareTo(time) > 0) {
          newer[0] = file;
          return FileVisitResult.TERMINATE;
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return Optional.ofNullable(newer[0]);
  }

  /** What the build reads from a pom: its artifact id and the kit modules it depends on, in any scope. */
  private record Pom(String artifactId, List<String> kitDependencies) {
    static Pom read(Path file) {
      try {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        Element project = document.getDocumentElement();
        List<String> dependencies = new ArrayList<>();
        for (Element section : children(project, "dependencies")) {
          for (Element dependency : children(section, "dependency")) {
            String group = text(dependency, "groupId");
            if (GROUP.equals(group) || "${project.groupId}".equals(group)) {
              dependencies.add(text(dependency, "artifactId"));
            }
          }
        }
        return new Pom(text(project, "artifactId"), dependencies);
      } catch (IOException | SAXException | ParserConfigurationException e) {
        throw new DemoProblem("Cannot read " + file + ": " + e.getMessage());
      }
    }

    private static List<Element> children(Element parent, String name) {
      List<Element> found = new ArrayList<>();
      for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element element && element.getTagName().equals(name)) {
          found.add(element);
        }
      }
      return found;
    }

    private static String text(Element parent, String name) {
      List<Element> found = children(parent, name);
      return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }
  }
}
