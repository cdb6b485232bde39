package org.stpkit.cli.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.GovukTemplates;
import org.stpkit.templates.TemplateRenderingException;

/**
 * {@code stp render --batch}: one JSON result line per JSON request line, in order. A request is
 * {@code {"component": ..., "params": {...}}}, with {@code "caller"} for the nested content of a
 * component called with some (MoJ's {@code interruptionCard}). Lines are
 * rendered in chunks on a few threads and written in input order; when the input has nothing more
 * waiting (an interactive caller), everything so far is written and flushed at once.
 *
 * <p>Input and output stay as UTF-8 bytes: lines are parsed from bytes ({@link RequestLineParser},
 * and Jackson's streaming parser for any line that one leaves to it), and results are escaped and
 * encoded in one pass, because for a long batch that work costs more than the rendering itself.
 */
final class BatchRenderer {
  private static final int CHUNK_LINES = 128;
  private static final String EXPECTED_OBJECT = "expected a JSON object {\"component\": ..., \"params\": {...}}";

  private final GovukTemplates templates;
  private final int threads;

  BatchRenderer(GovukTemplates templates, int threads) {
    this.templates = templates;
    this.threads = threads;
  }

  void run(InputStream in, OutputStream out) throws IOException {
    LineReader reader = new LineReader(in);
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
      Deque<Future<JsonOutput>> pending = new ArrayDeque<>();
      List<byte[]> chunk = new ArrayList<>(CHUNK_LINES);
      int lineNumber = 0;
      byte[] line;
      while ((line = reader.readLine()) != null) {
        chunk.add(line);
        lineNumber++;
        boolean inputWaiting = reader.ready();
        if (chunk.size() == CHUNK_LINES || !inputWaiting) {
          List<byte[]> lines = chunk;
          int first = lineNumber - lines.size() + 1;
          pending.add(pool.submit(() -> renderChunk(lines, first)));
          chunk = new ArrayList<>(CHUNK_LINES);
        }
        while (pending.size() > threads * 4 || (!inputWaiting && !pending.isEmpty())) {
          await(pending.poll()).writeTo(out);
        }
        if (!inputWaiting) {
          out.flush();
        }
      }
      while (!pending.isEmpty()) {
        await(pending.poll()).writeTo(out);
      }
      out.flush();
    } finally {
      pool.shutdownNow();
    }
  }

  private void runOnThisThread(LineReader reader, OutputStream out) throws IOException {
    JsonOutput result = new JsonOutput(1 << 16);
    int lineNumber = 0;
    byte[] line;
    while ((line = reader.readLine()) != null) {
      appendResult(line, ++lineNumber, result);
      boolean inputWaiting = reader.ready();
      if (result.size() >= 1 << 16 || !inputWaiting) {
        result.writeTo(out);
        result.reset();
      }
      if (!inputWaiting) {
        out.flush();
      }
    }
    result.writeTo(out);
    out.flush();
  }

  private static JsonOutput await(Future<JsonOutput> result) throws IOException {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while rendering", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Rendering a batch line failed unexpectedly", e.getCause());
    }
  }

  private JsonOutput renderChunk(List<byte[]> lines, int firstLineNumber) {
    JsonOutput result = new JsonOutput(lines.size() * 1024);
    for (int i = 0; i < lines.size(); i++) {
      appendResult(lines.get(i), firstLineNumber + i, result);
    }
    return result;
  }

  /** Appends {@code {"html": ...}} or {@code {"error": ...}} and a newline. */
  private void appendResult(byte[] line, int lineNumber, JsonOutput result) {
    String html;
    try {
      html = render(line, lineNumber);
    } catch (BadLine e) {
      result.appendLine("error", e.getMessage());
      return;
    }
    result.appendLine("html", html);
  }

  private String render(byte[] line, int lineNumber) throws BadLine {
    Object request = RequestLineParser.parse(line);
    if (request == RequestLineParser.UNSURE) {
      request = readWithJackson(line, lineNumber);
    }
    if (!(request instanceof Map)) {
      throw new BadLine("line " + lineNumber + ": " + EXPECTED_OBJECT);
    }
    Object component = ((Map<?, ?>) request).get("component");
    if (!(component instanceof String)) {
      throw new BadLine("line " + lineNumber + ": \"component\" must be a component name string");
    }
    Object params = ((Map<?, ?>) request).get("params");
    if (params != null && !(params instanceof Map)) {
      throw new BadLine("line " + lineNumber + ": params must be a JSON object, not " + RenderCommand.jsonType(params));
    }
    Object caller = ((Map<?, ?>) request).get("caller");
    if (caller != null && !(caller instanceof String)) {
      throw new BadLine("line " + lineNumber + ": \"caller\" (the nested content) must be a string of HTML, not "
          + RenderCommand.jsonType(caller));
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> paramsMap = params == null ? Map.of() : (Map<String, ?>) params;
    try {
      return caller == null
          ? templates.render((String) component, paramsMap)
          : templates.render((String) component, paramsMap, (String) caller);
    } catch (TemplateRenderingException e) {
      throw new BadLine("line " + lineNumber + ": " + e.getMessage());
    }
  }

  /** A line {@link RequestLineParser} left to Jackson: its value, or Jackson's account of what is wrong with it. */
  private static @Nullable Object readWithJackson(byte[] line, int lineNumber) throws BadLine {
    try (JsonParser parser = JsonValues.FACTORY.createParser(line)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new BadLine("line " + lineNumber + ": " + EXPECTED_OBJECT + ", not an empty line");
      }
      Object request = JsonValues.read(parser, first);
      if (parser.nextToken() != null) {
        throw new BadLine("line " + lineNumber + ": not valid JSON: more than one value on the line");
      }
      return request;
    } catch (JsonProcessingException e) {
      throw new BadLine("line " + lineNumber + ": not valid JSON: " + RenderCommand.jsonProblem(e));
    } catch (IOException e) {
      throw new BadLine("line " + lineNumber + ": not valid JSON: " + e.getMessage());
    }
  }

  /** Lines of bytes, split at {@code \n} (a {@code \r} before it is dropped), from a stream read in large blocks. */
  static final class LineReader {
    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private boolean ended;

    LineReader(InputStream in) {
      this.in = in;
    }

    /** The next line without its line break, or null at the end of the input. */
    byte[] readLine() throws IOException {
      int searched = 0; // bytes after start known to hold no line break
      while (true) {
        for (int i = start + searched; i < end; i++) {
          if (buffer[i] == '\n') {
            byte[] line = copy(start, i);
            start = i + 1;
            return line;
          }
        }
        searched = end - start;
        if (ended) {
          if (start == end) {
            return null;
          }
          byte[] line = copy(start, end);
          start = end;
          return line;
        }
        fill();
      }
    }

    /** Whether a line can be read without waiting for the input. */
    boolean ready() throws IOException {
      return start < end || (!ended && in.available() > 0);
    }

    private byte[] copy(int from, int to) {
      int length = to > from && buffer[to - 1] == '\r' ? to - from - 1 : to - from;
      byte[] line = new byte[length];
      System.arraycopy(buffer, from, line, 0, length);
      return line;
    }

    /** Reads more, first moving the unfinished line to the front (or growing the buffer for a long line). */
    private void fill() throws IOException {
      if (start > 0) {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
      }
      if (end == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
      int read = in.read(buffer, end, buffer.length - end);
      if (read < 0) {
        ended = true;
      } else {
        end += read;
      }
    }
  }

  /** A line that gives an error result. */
  private static final class BadLine extends Exception {
    private static final long serialVersionUID = 1L;

    BadLine(String message) {
      super(message, null, false, false);
    }
  }
}
