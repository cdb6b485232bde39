package org.stpkit.cli.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.GovukTemplates;
import org.stpkit.templates.TemplateRenderingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stp render <component>}: params JSON on stdin, HTML on stdout. {@code stp render --batch}:
 * JSON lines {@code {"component": ..., "params": {...}}} (and {@code "caller"}, nested content,
 * where a component takes some) in, one {@code {"html": ...}} or {@code {"error": ...}} line out per
 * line in, in order; a bad line never stops the batch.
 */
@Command(
    name = "render",
    description = {
      "Renders a GOV.UK Frontend or MoJ Frontend component from params JSON on standard input.",
      "  echo '{\"text\": \"Save\"}' | stp render button",
      "  echo '{\"text\": \"Urgent\", \"classes\": \"moj-badge--red\"}' | stp render mojBadge",
      "  stp render --batch < requests.jsonl > results.jsonl",
      "  stp render --examples | stp render --batch"
    },
    mixinStandardHelpOptions = true)
final class RenderCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "<component>",
      description = "govuk-frontend component name, such as input or date-input, or a macro name, such as govukInput or mojTimeline")
  @Nullable String component;

  @Option(names = "--caller", paramLabel = "<html>",
      description = "The nested content of the call, as Nunjucks' {%% call %%} gives it (MoJ's interruptionCard needs its body).")
  @Nullable String caller;

  @Option(names = "--batch", description = "Read JSON lines {\"component\": ..., \"params\": {...}} (\"caller\": nested content, where needed) and write one JSON result line each.")
  boolean batch;

  @Option(names = "--examples",
      description = "Write a --batch request line for each of the gallery's examples of every component: the input format by example.")
  boolean examples;

  @Option(names = "--threads", paramLabel = "<n>",
      description = "With --batch: threads rendering lines (default: the number of processors). Output stays in input order.")
  int threads = Runtime.getRuntime().availableProcessors();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (threads < 1) {
      spec.commandLine().getErr().println("stp render: --threads must be at least 1");
      return StpCommand.BAD_INPUT;
    }
    if ((batch ? 1 : 0) + (examples ? 1 : 0) + (component != null ? 1 : 0) != 1) {
      spec.commandLine().getErr().println("stp render: give one of a component name, --batch or --examples");
      return StpCommand.BAD_INPUT;
    }
    if (caller != null && component == null) {
      spec.commandLine().getErr().println("stp render: --caller goes with a component name (in a batch, give \"caller\" on the line)");
      return StpCommand.BAD_INPUT;
    }
    if (examples) {
      return examples(System.out);
    }
    if (batch) {
      return batch(threads, System.in, System.out);
    }
    // Made here, not when picocli builds the command tree, so other commands never pay for it.
    return single(GovukTemplates.create(), component, System.in);
  }

  private int single(GovukTemplates templates, String name, InputStream in) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Object> params;
    try {
      params = parseParams(in.readAllBytes());
    } catch (JsonProcessingException e) {
      err.println("stp render: params on standard input are not valid JSON: " + jsonProblem(e) + location(e));
      return StpCommand.BAD_INPUT;
    } catch (BadParams e) {
      err.println("stp render: " + e.getMessage());
      return StpCommand.BAD_INPUT;
    }
    try {
      String html = caller == null ? templates.render(name, params) : templates.render(name, params, caller);
      Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
      out.write(html);
      out.write('\n');
      out.flush();
      return 0;
    } catch (TemplateRenderingException e) {
      err.println("stp render: " + e.getMessage());
      return StpCommand.BAD_INPUT;
    }
  }

  private static int examples(OutputStream out) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    for (String line : GalleryCommand.exampleRequestLines()) {
      writer.write(line);
      writer.write('\n');
    }
    writer.flush();
    return 0;
  }

  private static int batch(int threads, InputStream in, OutputStream out) throws IOException {
    new BatchRenderer(GovukTemplates.create(), threads).run(in, out);
    return 0;
  }

  /**
   * {@code stp render --batch} with the default threads, run without picocli ({@link StpCommand#run}):
   * the same work, and a failure reported as picocli's handler in {@link StpCommand} reports it.
   */
  static int batchWithDefaults(InputStream in, OutputStream out, PrintStream err) {
    try {
      return batch(Runtime.getRuntime().availableProcessors(), in, out);
    } catch (IOException | RuntimeException e) {
      err.println("stp: " + e.getMessage());
      return 1;
    }
  }

  /** Params as a JSON object; nothing at all (or only whitespace) is no params. */
  private static Map<String, Object> parseParams(byte[] input) throws IOException, BadParams {
    try (JsonParser parser = JsonValues.FACTORY.createParser(input)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Map.of();
      }
      Object params = JsonValues.read(parser, first);
      if (parser.nextToken() != null) {
        throw new BadParams("params on standard input must be one JSON object, but more follows it");
      }
      if (!(params instanceof Map)) {
        throw new BadParams("params must be a JSON object, not " + jsonType(params));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) params;
      return object;
    }
  }

  /** Jackson's message without its note about the (redacted) source. */
  static String jsonProblem(JsonProcessingException e) {
    return e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*\\][^)]*\\)", "").strip();
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  /** The JSON type name of a parsed value, for messages. */
  static String jsonType(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof List) {
      return "array";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return "object";
  }

  /** Params that are JSON but not an object. */
  private static final class BadParams extends Exception {
    private static final long serialVersionUID = 1L;

    BadParams(String message) {
      super(message);
    }
  }
}
