package org.stpkit.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;
import org.stpkit.templates.GovukTemplates;

/**
 * Renders every govuk-frontend fixture (725 in govuk-frontend 6.6.0) with
 * {@link GovukTemplates#render(String, Map)}, once per benchmark invocation, on one thread.
 *
 * <p>The primary score is invocations per second, so renders per second is the score times the
 * number of fixtures; the secondary {@code renders} counter reports renders per second directly.
 *
 * <p>Where the fixtures are: the {@code fixturesDir} param ({@code -p fixturesDir=DIR}), else the
 * system property {@code stp.fixtures}, else {@value #DEFAULT_FIXTURES_DIR}. A relative folder is
 * looked for from the working directory and each folder above it, so the default works from the
 * repository root (and from {@code benchmarks/}).
 *
 * <p>{@code -Dstp.components=a,b,c} restricts the run to those components, for trying the
 * benchmark while some templates are still being written; a full run uses every component.
 *
 * <p>The setup renders every fixture once and fails, naming each fixture that does not render,
 * before any measurement: a template that throws is never left out of the figures silently.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class FixtureRenderBenchmark {
  /** The fixtures npm fetches for design-system-templates, relative to the repository root. */
  public static final String DEFAULT_FIXTURES_DIR =
      "design-system-templates/node_modules/govuk-frontend/dist/govuk/components";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {};

  /** The fixtures folder; empty means the {@code stp.fixtures} property or the default. */
  @Param({""})
  public String fixturesDir;

  private GovukTemplates templates;
  private Fixture[] fixtures;

  /** Counts renders, so JMH also reports renders per second (secondary result "renders"). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Renders {
    public long renders;

    @Setup(Level.Iteration)
    public void reset() {
      renders = 0;
    }
  }

  @Setup(Level.Trial)
  public void loadFixtures() {
    templates = GovukTemplates.create();
    Path dir = resolveFixturesDir(fixturesDir);
    List<String> selected = selectedComponents(templates.components());

    List<Fixture> loaded = new ArrayList<>();
    for (String component : selected) {
      loaded.addAll(readFixtures(dir, component));
    }
    if (loaded.isEmpty()) {
      throw new IllegalStateException("No fixtures found in " + dir);
    }

    // Render each fixture once before measuring: fail loudly, naming every fixture that fails.
    List<String> failures = new ArrayList<>();
    Set<String> failingComponents = new LinkedHashSet<>();
    for (Fixture fixture : loaded) {
      try {
        templates.render(fixture.component(), fixture.params());
      } catch (RuntimeException e) {
        failures.add(fixture.id() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        failingComponents.add(fixture.component());
      }
    }
    if (!failures.isEmpty()) {
      List<String> rendering = new ArrayList<>(selected);
      rendering.removeAll(failingComponents);
      throw new IllegalStateException(
          failures.size() + " of " + loaded.size() + " fixtures failed to render:\n  "
              + String.join("\n  ", failures)
              + "\nComponents with a failing fixture: " + String.join(",", failingComponents)
              + "\nFix the templates, or, for a trial run only, restrict the benchmark to the components that render:"
              + "\n  -Dstp.components=" + String.join(",", rendering));
    }

    fixtures = loaded.toArray(new Fixture[0]);
    System.err.println("FixtureRenderBenchmark: " + fixtures.length + " fixtures of " + selected.size()
        + " components from " + dir + (selected.size() < templates.components().size()
            ? " (restricted by stp.components: renders/s = score x " + fixtures.length + ")" : ""));
  }

  /** Renders every fixture once; returns the number of characters rendered. */
  @Benchmark
  public long renderAllFixtures(Renders counter, Blackhole blackhole) {
    long characters = 0;
    for (Fixture fixture : fixtures) {
      String html = templates.render(fixture.component(), fixture.params());
      characters += html.length();
      blackhole.consume(html);
    }
    counter.renders += fixtures.length;
    return characters;
  }

  private record Fixture(String component, String name, Map<String, Object> params) {
    String id() {
      return component + "/" + name;
    }
  }

  private static List<Fixture> readFixtures(Path dir, String component) {
    Path file = dir.resolve(component).resolve("fixtures.json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("Missing fixtures for component '" + component + "': " + file);
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      List<Fixture> list = new ArrayList<>();
      for (JsonNode fixture : root.path("fixtures")) {
        JsonNode options = fixture.path("options");
        Map<String, Object> params = options.isObject() ? JSON.convertValue(options, PARAMS) : Map.of();
        list.add(new Fixture(component, fixture.path("name").asText(), params));
      }
      if (list.isEmpty()) {
        throw new IllegalStateException("No fixtures in " + file);
      }
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static List<String> selectedComponents(List<String> all) {
    String property = System.getProperty("stp.components", "").strip();
    if (property.isEmpty()) {
      return all;
    }
    Set<String> selected = new LinkedHashSet<>();
    for (String name : property.split(",")) {
      String component = name.strip();
      if (component.isEmpty()) {
        continue;
      }
      if (!all.contains(component)) {
        throw new IllegalArgumentException(
            "stp.components: unknown component '" + component + "'. Known components: " + String.join(", ", all));
      }
      selected.add(component);
    }
    if (selected.isEmpty()) {
      throw new IllegalArgumentException("stp.components names no component: '" + property + "'");
    }
    // Keep the components' own order, whatever order the property lists them in.
    List<String> ordered = new ArrayList<>(all);
    ordered.retainAll(selected);
    return ordered;
  }

  static Path resolveFixturesDir(String param) {
    String value = param == null || param.isBlank()
        ? System.getProperty("stp.fixtures", DEFAULT_FIXTURES_DIR)
        : param;
    Path path = Path.of(value);
    if (path.isAbsolute()) {
      return requireDirectory(path, value);
    }
    Path cwd = Path.of("").toAbsolutePath();
    for (Path base = cwd; base != null; base = base.getParent()) {
      Path candidate = base.resolve(path).normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return requireDirectory(cwd.resolve(path).normalize(), value);
  }

  private static Path requireDirectory(Path path, String value) {
    if (!Files.isDirectory(path)) {
      throw new IllegalStateException("Fixtures folder not found: " + path + " (from '" + value + "'; set"
          + " -Dstp.fixtures=DIR or -p fixturesDir=DIR, or run the Maven build so npm fetches govuk-frontend into "
          + DEFAULT_FIXTURES_DIR + "). A relative folder is looked for from " + Path.of("").toAbsolutePath()
          + " and each folder above it.");
    }
    return path;
  }
}
