package org.stpkit.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
 * JSON lines {@code {"component": ..., "params": {...}}} in, one {@code {"html": ...}} or
 * {@code {"error": ...}} line out per line in, in order; a bad line never stops the batch.
 */
@Command(
    name = "render",
    description = {
      "Renders a GOV.UK Frontend component from params JSON on standard input.",
      "  echo '{\"text\": \"Save\"}' | stp render button",
      "  stp render --batch < requests.jsonl > results.jsonl"
    },
    mixinStandardHelpOptions = true)
final class RenderCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {};

  @Parameters(index = "0", arity = "0..1", paramLabel = "<component>",
      description = "govuk-frontend component name, such as input or date-input")
  @Nullable String component;

  @Option(names = "--batch", description = "Read JSON lines {\"component\": ..., \"params\": {...}} and write one JSON result line each.")
  boolean batch;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final GovukTemplates templates = GovukTemplates.create();

  @Override
  public Integer call() throws IOException {
    if (batch == (component != null)) {
      spec.commandLine().getErr().println("stp render: give a component name, or --batch (not both)");
      return StpCommand.BAD_INPUT;
    }
    return batch ? batch(System.in, System.out) : single(component, System.in);
  }

  private int single(String name, InputStream in) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Object> params;
    try {
      String input = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      params = input.isBlank() ? Map.of() : parseParams(JSON.readTree(input));
    } catch (JsonProcessingException e) {
      err.println("stp render: params on standard input are not valid JSON: " + jsonProblem(e) + location(e));
      return StpCommand.BAD_INPUT;
    } catch (BadParams e) {
      err.println("stp render: " + e.getMessage());
      return StpCommand.BAD_INPUT;
    }
    try {
      String html = templates.render(name, params);
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

  private int batch(InputStream in, java.io.OutputStream outStream) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    Writer out = new BufferedWriter(new OutputStreamWriter(outStream, StandardCharsets.UTF_8), 1 << 16);
    int lineNumber = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      out.write(JSON.writeValueAsString(renderLine(line, lineNumber)));
      out.write('\n');
      // Flush when the caller has nothing more queued, so an interactive caller sees each answer.
      if (!reader.ready()) {
        out.flush();
      }
    }
    out.flush();
    return 0;
  }

  private Map<String, String> renderLine(String line, int lineNumber) {
    try {
      JsonNode request = JSON.readTree(line);
      if (request == null || !request.isObject()) {
        return Map.of("error", "line " + lineNumber + ": expected a JSON object {\"component\": ..., \"params\": {...}}");
      }
      JsonNode componentNode = request.get("component");
      if (componentNode == null || !componentNode.isTextual()) {
        return Map.of("error", "line " + lineNumber + ": \"component\" must be a component name string");
      }
      JsonNode paramsNode = request.get("params");
      Map<String, Object> params = paramsNode == null || paramsNode.isNull() ? Map.of() : parseParams(paramsNode);
      return Map.of("html", templates.render(componentNode.asText(), params));
    } catch (JsonProcessingException e) {
      return Map.of("error", "line " + lineNumber + ": not valid JSON: " + jsonProblem(e));
    } catch (BadParams | TemplateRenderingException e) {
      return Map.of("error", "line " + lineNumber + ": " + e.getMessage());
    }
  }

  private static Map<String, Object> parseParams(JsonNode node) throws BadParams {
    if (!node.isObject()) {
      throw new BadParams("params must be a JSON object, not " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    return JSON.convertValue(node, PARAMS);
  }

  /** Jackson's message without its note about the (redacted) source. */
  private static String jsonProblem(JsonProcessingException e) {
    return e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*\\][^)]*\\)", "").strip();
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  /** Params that are JSON but not an object. */
  private static final class BadParams extends Exception {
    private static final long serialVersionUID = 1L;

    BadParams(String message) {
      super(message);
    }
  }
}
