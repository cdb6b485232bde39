package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link RequestLineParser} gives what Jackson (through {@link JsonValues}) gives for a line, value
 * for value and type for type, or leaves the line to Jackson: it never accepts a line Jackson
 * rejects, so an error result is always Jackson's.
 */
class RequestLineParserTest {

  @Test
  void everyGalleryExampleReadsAsJacksonReadsIt() throws IOException {
    List<String> lines = GalleryCommand.exampleRequestLines();
    assertThat(lines).hasSizeGreaterThan(100);
    for (String line : lines) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      Object ours = RequestLineParser.parse(bytes);
      assertThat(ours).as(line).isNotSameAs(RequestLineParser.UNSURE);
      assertSameAsJackson(ours, jackson(bytes), line);
    }
  }

  @Test
  void valuesAndTheirTypesAreJacksons() throws IOException {
    List<String> lines = List.of(
        "{}", "[]", " { \"a\" : [ 1 , -2 , 0 , -0 ] } ", "\t{\"a\":{}}\r",
        "{\"int\": 2147483647, \"past int\": 2147483648, \"min\": -2147483648, \"below\": -2147483649}",
        "{\"long\": 999999999999999999, \"negative\": -999999999999999999, \"ten digits\": 1234567890}",
        "{\"d\": 1.5, \"e\": 1e3, \"E\": -2.5E-3, \"zero\": 0.0, \"minus zero\": -0.0, \"plus\": 1e+2}",
        "{\"t\": true, \"f\": false, \"n\": null, \"list\": [true, false, null, \"x\", 1.25, [], {}]}",
        "{\"escapes\": \"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC \\ud83d\\ude00 lone \\ud800 end\"}",
        "{\"utf8\": \"café — £5 日本語 😀 𝄞\", \"naïve key\": \"x\"}",
        "{\"repeated\": 1, \"other\": 2, \"repeated\": 3}",
        "\"a string alone\"", "42", "-7.5", "true", "null",
        "{\"component\":\"button\",\"params\":{\"text\":\"Save and continue\",\"isStartButton\":true}}");
    for (String line : lines) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      Object ours = RequestLineParser.parse(bytes);
      assertThat(ours).as(line).isNotSameAs(RequestLineParser.UNSURE);
      assertSameAsJackson(ours, jackson(bytes), line);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> repeated = (Map<String, Object>) RequestLineParser.parse(
        "{\"repeated\": 1, \"other\": 2, \"repeated\": 3}".getBytes(StandardCharsets.UTF_8));
    assertThat(new ArrayList<>(repeated.keySet())).containsExactly("repeated", "other");
    assertThat(repeated.get("repeated")).isEqualTo(3);
  }

  @Test
  void whatJacksonRejectsOrReadsDifferentlyIsLeftToIt() {
    List<String> lines = List.of(
        "", "   ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[1 2]", "{a: 1}", "{'a': 1}",
        "{\"a\": 01}", "{\"a\": 1.}", "{\"a\": .5}", "{\"a\": -}", "{\"a\": 1e}", "{\"a\": +1}", "{\"a\": 1x}",
        "{\"a\": NaN}", "{\"a\": tru}", "{\"a\": truex}", "{\"a\": nul}", "{} {}", "{}x", "[] []",
        "{\"a\": \"tab\there\"}", "{\"a\": \"bad \\x escape\"}", "{\"a\": \"\\u12\"}", "{\"a\": \"\\u12g4\"}",
        "{\"a\": \"unterminated}", "{\"a\": 1} // comment", "/* c */ {}",
        "{\"a\": 1234567890123456789}", "{\"a\": -1234567890123456789}");
    for (String line : lines) {
      assertThat(RequestLineParser.parse(line.getBytes(StandardCharsets.UTF_8))).as(line)
          .isSameAs(RequestLineParser.UNSURE);
    }
  }

  @Test
  void malformedOrUnusualUtf8IsLeftToJackson() {
    byte[][] lines = {
      {'"', (byte) 0xc3, '"'}, // cut short
      {'"', (byte) 0xc0, (byte) 0x80, '"'}, // overlong
      {'"', (byte) 0xe0, (byte) 0x80, (byte) 0x80, '"'}, // overlong
      {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}, // a surrogate
      {'"', (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // past U+10FFFF
      {'"', (byte) 0xff, '"'},
      {'"', (byte) 0x80, '"'},
      {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'}, // a byte order mark
      {'{', 0, '}'},
      {'"', 0, '"'},
    };
    for (byte[] line : lines) {
      assertThat(RequestLineParser.parse(line)).isSameAs(RequestLineParser.UNSURE);
    }
  }

  @Test
  void deepNestingIsLeftToJackson() {
    String deep = "[".repeat(300) + "]".repeat(300);
    assertThat(RequestLineParser.parse(deep.getBytes(StandardCharsets.UTF_8))).isSameAs(RequestLineParser.UNSURE);
    String fine = "[".repeat(100) + "]".repeat(100);
    assertThat(RequestLineParser.parse(fine.getBytes(StandardCharsets.UTF_8))).isInstanceOf(List.class);
  }

  private static Object jackson(byte[] line) throws IOException {
    try (JsonParser parser = JsonValues.FACTORY.createParser(line)) {
      Object value = JsonValues.read(parser, parser.nextToken());
      assertThat(parser.nextToken()).isNull();
      return value;
    }
  }

  /** Equal, and of the same classes all the way down (Integer is not Long, Double is not Float). */
  private static void assertSameAsJackson(Object ours, Object theirs, String line) {
    assertThat(ours).as(line).isEqualTo(theirs);
    if (theirs == null) {
      return;
    }
    assertThat(ours.getClass()).as(line).isEqualTo(theirs.getClass());
    if (theirs instanceof Map<?, ?> map) {
      assertThat(new ArrayList<>(((Map<?, ?>) ours).keySet())).as(line).isEqualTo(new ArrayList<>(map.keySet()));
      for (Object key : map.keySet()) {
        assertSameAsJackson(((Map<?, ?>) ours).get(key), map.get(key), line);
      }
    } else if (theirs instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        assertSameAsJackson(((List<?>) ours).get(i), list.get(i), line);
      }
    } else if (theirs instanceof Double d) {
      // -0.0 equals 0.0 by equals() only when both are -0.0; compare the bits to be sure.
      assertThat(Double.doubleToRawLongBits((Double) ours)).as(line).isEqualTo(Double.doubleToRawLongBits(d));
    }
  }
}
