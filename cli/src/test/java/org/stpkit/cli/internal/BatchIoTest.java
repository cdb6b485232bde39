package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The byte-level reading and writing of {@code stp render --batch}. */
class BatchIoTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void resultLinesAreJsonThatReadsBackToTheSameText() throws IOException {
    List<String> values = List.of(
        "",
        "plain <p class=\"govuk-body\">text</p>",
        "back\\slash and \"quotes\"",
        "new\nline, tab\t, return\r, form feed\f, bell\u0007, nul\u0000, unit separator\u001f",
        "Gwasanaeth — £5 café ’quoted’ 日本語",
        "astral 😀 and 𝄞",
        "DEL\u007f is not a control character in JSON",
        "Latin-1 only: £5, café, ñ, ÿ, a no-break\u00a0space and \u0080",
        "a query? ?q=1 and a question mark at the end?",
        "? before 日本語 and ? after",
        "日本語 first, then ? and £");
    JsonOutput output = new JsonOutput(8);
    for (String value : values) {
      output.appendLine("html", value);
    }
    String written = written(output);

    List<String> lines = written.lines().toList();
    assertThat(lines).hasSameSizeAs(values);
    for (int i = 0; i < values.size(); i++) {
      assertThat(JSON.readValue(lines.get(i), Map.class)).isEqualTo(Map.of("html", values.get(i)));
      assertThat(lines.get(i)).doesNotContainPattern("[\\x00-\\x1f]");
    }
    assertThat(lines.get(3)).contains("\\n", "\\t", "\\r", "\\u000c", "\\u0007", "\\u0000", "\\u001f");
  }

  @Test
  void aLoneSurrogateBecomesAQuestionMarkAsAnyUtf8EncoderMakesIt() throws IOException {
    JsonOutput output = new JsonOutput(8);
    output.appendLine("html", "a\ud800b");
    assertThat(written(output)).isEqualTo("{\"html\":\"a?b\"}\n");
  }

  @Test
  void linesAreSplitAtNewlinesDroppingCarriageReturnsAndKeepingEmptyLines() throws IOException {
    assertThat(lines("one\r\ntwo\n\nthree")).containsExactly("one", "two", "", "three");
    assertThat(lines("one\n")).containsExactly("one");
    assertThat(lines("")).isEmpty();
    assertThat(lines("\n")).containsExactly("");
    assertThat(lines("keeps a \r inside\n")).containsExactly("keeps a \r inside");
  }

  @Test
  void linesLongerThanTheBufferAndLinesAcrossReadsComeWhole() throws IOException {
    String longLine = "x".repeat(200_000) + "é";
    String input = "first\n" + longLine + "\nlast";
    // A stream that hands over a few bytes at a time, as a pipe may.
    InputStream trickle = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 7));
      }
    };
    assertThat(lines(trickle)).containsExactly("first", longLine, "last");
  }

  private static List<String> lines(String input) throws IOException {
    return lines(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> lines(InputStream in) throws IOException {
    BatchRenderer.LineReader reader = new BatchRenderer.LineReader(in);
    List<String> lines = new ArrayList<>();
    byte[] line;
    while ((line = reader.readLine()) != null) {
      lines.add(new String(line, StandardCharsets.UTF_8));
    }
    assertThat(reader.ready()).isFalse();
    return lines;
  }

  private static String written(JsonOutput output) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    output.writeTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
