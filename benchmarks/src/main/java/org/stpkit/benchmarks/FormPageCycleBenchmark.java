package org.stpkit.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.FormEngine;
import org.stpkit.forms.FormRequest;
import org.stpkit.forms.FormResponse;
import org.stpkit.templates.GovukTemplates;

/**
 * forms-engine's own work for a page cycle, in one JVM on one thread, with no HTTP: the cycle
 * {@code benchmarks/forms-load.sh} times over the network (GET the sample form's age page, POST a
 * valid answer with the CSRF token, GET the page the redirect leads to), through
 * {@link FormEngine#handle} with sessions in memory, as the servlet adapter calls it (paths within the
 * form's mount). The load run's server CPU a request moves by a
 * fifth between runs on a shared 2-core machine; this holds still enough to compare two versions of
 * the engine side by side.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar FormPageCycleBenchmark} from the repository
 * root (the sample form is read from {@value #SAMPLE}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class FormPageCycleBenchmark {
  static final String SAMPLE = "forms-engine/samples/every-question-type.yaml";
  private static final String MOUNT = "/form";
  private static final String CSRF_MARKER = "name=\"csrfToken\" value=\"";

  /**
   * {@code true}: templates that check every component's params against govuk-frontend's documented
   * options, which the engine's own skip ({@code -p checkParams=true,false} measures what the check costs).
   */
  @Param({"false"})
  public boolean checkParams;

  private FormEngine engine;
  private Optional<String> session;

  @Setup
  public void startAJourney() {
    FormEngine.Builder builder = FormEngine.builder(FormDefinitions.load(Path.of(SAMPLE))).mountPath(MOUNT)
        .submissionHandler(s -> { });
    engine = (checkParams ? builder.templates(GovukTemplates.create()) : builder).build();
    FormResponse start = engine.handle(FormRequest.get("/", Optional.empty()));
    session = start.newSessionId();
    if (session.isEmpty()) {
      throw new IllegalStateException("The engine started no session: " + start);
    }
    answer("/full-name", Map.of("fullName-given", "Jo", "fullName-family", "Bloggs"));
    answer("/date-of-birth", Map.of("dateOfBirth-day", "27", "dateOfBirth-month", "3", "dateOfBirth-year", "1990"));
    if (!(pageCycle() instanceof FormResponse.Page)) {
      throw new IllegalStateException("The page cycle did not end on a page");
    }
  }

  /** GET the age page, POST an age with its CSRF token, GET where the redirect leads. */
  @Benchmark
  public FormResponse pageCycle() {
    String location = answer("/age", Map.of("age", "35"));
    return page(location, 200);
  }

  private String answer(String path, Map<String, String> fields) {
    String html = page(path, 200).html();
    int start = html.indexOf(CSRF_MARKER) + CSRF_MARKER.length();
    Map<String, List<String>> posted = new HashMap<>();
    fields.forEach((name, value) -> posted.put(name, List.of(value)));
    posted.put("csrfToken", List.of(html.substring(start, html.indexOf('"', start))));
    FormResponse response = engine.handle(FormRequest.post(path, posted, session));
    if (!(response instanceof FormResponse.Redirect redirect) || !redirect.location().startsWith(MOUNT + "/")) {
      throw new IllegalStateException("POST " + path + " was not redirected within the form: " + response);
    }
    // The redirect names the page as the browser asks for it; the engine is asked without its mount.
    return redirect.location().substring(MOUNT.length());
  }

  private FormResponse.Page page(String path, int status) {
    FormResponse response = engine.handle(FormRequest.get(path, session));
    if (!(response instanceof FormResponse.Page page) || page.status() != status) {
      throw new IllegalStateException("GET " + path + " gave " + response);
    }
    return page;
  }
}
