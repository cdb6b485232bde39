package org.stpkit.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.stpkit.templates.GovukTemplates;
import org.stpkit.templates.TemplateRenderingException;

/**
 * {@code stp render --batch}: one JSON result line per JSON request line, in order. Lines are
 * rendered in chunks on a few threads and written in input order; when the input has nothing more
 * waiting (an interactive caller), everything so far is written and flushed at once.
 */
final class BatchRenderer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHUNK_LINES = 64;

  private final GovukTemplates templates;
  private final int threads;

  BatchRenderer(GovukTemplates templates, int threads) {
    this.templates = templates;
    this.threads = threads;
  }

  void run(InputStream in, OutputStream outStream) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    Writer out = new BufferedWriter(new OutputStreamWriter(outStream, StandardCharsets.UTF_8), 1 << 16);
    if (threads <= 1) {
      runOnThisThread(reader, out);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "stp-render");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Deque<Future<String>> pending = new ArrayDeque<>();
      List<String> chunk = new ArrayList<>(CHUNK_LINES);
      int lineNumber = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        chunk.add(line);
        lineNumber++;
        boolean inputWaiting = reader.ready();
        if (chunk.size() == CHUNK_LINES || !inputWaiting) {
          List<String> lines = chunk;
          int first = lineNumber - lines.size() + 1;
          pending.add(pool.submit(() -> renderChunk(lines, first)));
          chunk = new ArrayList<>(CHUNK_LINES);
        }
        while (pending.size() > threads * 4 || (!inputWaiting && !pending.isEmpty())) {
          out.write(await(pending.poll()));
        }
        if (!inputWaiting) {
          out.flush();
        }
      }
      while (!pending.isEmpty()) {
        out.write(await(pending.poll()));
      }
      out.flush();
    } finally {
      pool.shutdownNow();
    }
  }

  private void runOnThisThread(BufferedReader reader, Writer out) throws IOException {
    StringBuilder result = new StringBuilder(4096);
    int lineNumber = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      result.setLength(0);
      appendResult(line, ++lineNumber, result);
      out.write(result.toString());
      if (!reader.ready()) {
        out.flush();
      }
    }
    out.flush();
  }

  private static String await(Future<String> result) throws IOException {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while rendering", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Rendering a batch line failed unexpectedly", e.getCause());
    }
  }

  private String renderChunk(List<String> lines, int firstLineNumber) {
    StringBuilder result = new StringBuilder(lines.size() * 2048);
    for (int i = 0; i < lines.size(); i++) {
      appendResult(lines.get(i), firstLineNumber + i, result);
    }
    return result.toString();
  }

  /** Appends {@code {"html": ...}} or {@code {"error": ...}} and a newline. */
  private void appendResult(String line, int lineNumber, StringBuilder result) {
    String html;
    try {
      html = render(line, lineNumber);
    } catch (BadLine e) {
      appendJsonLine("error", e.getMessage(), result);
      return;
    }
    appendJsonLine("html", html, result);
  }

  private String render(String line, int lineNumber) throws BadLine {
    Object request;
    try {
      request = JSON.readValue(line, Object.class);
    } catch (JsonProcessingException e) {
      throw new BadLine("line " + lineNumber + ": not valid JSON: " + RenderCommand.jsonProblem(e));
    }
    if (!(request instanceof Map)) {
      throw new BadLine("line " + lineNumber + ": expected a JSON object {\"component\": ..., \"params\": {...}}");
    }
    Object component = ((Map<?, ?>) request).get("component");
    if (!(component instanceof String)) {
      throw new BadLine("line " + lineNumber + ": \"component\" must be a component name string");
    }
    Object params = ((Map<?, ?>) request).get("params");
    if (params != null && !(params instanceof Map)) {
      throw new BadLine("line " + lineNumber + ": params must be a JSON object, not " + RenderCommand.jsonType(params));
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> paramsMap = params == null ? Map.of() : (Map<String, ?>) params;
    try {
      return templates.render((String) component, paramsMap);
    } catch (TemplateRenderingException e) {
      throw new BadLine("line " + lineNumber + ": " + e.getMessage());
    }
  }

  private static void appendJsonLine(String key, String value, StringBuilder result) {
    result.append("{\"").append(key).append("\":\"");
    appendJsonStringContent(value, result);
    result.append("\"}\n");
  }

  /** JSON string escaping: quote, backslash and control characters; runs without them are copied at once. */
  static void appendJsonStringContent(String value, StringBuilder result) {
    int start = 0;
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      result.append(value, start, i);
      switch (c) {
        case '"': result.append("\\\""); break;
        case '\\': result.append("\\\\"); break;
        case '\n': result.append("\\n"); break;
        case '\r': result.append("\\r"); break;
        case '\t': result.append("\\t"); break;
        default: result.append(String.format("\\u%04x", (int) c)); break;
      }
      start = i + 1;
    }
    result.append(value, start, length);
  }

  /** A line that gives an error result. */
  private static final class BadLine extends Exception {
    private static final long serialVersionUID = 1L;

    BadLine(String message) {
      super(message, null, false, false);
    }
  }
}
