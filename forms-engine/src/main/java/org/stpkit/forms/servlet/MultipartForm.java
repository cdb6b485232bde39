package org.stpkit.forms.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormRequest;
import org.stpkit.forms.Question;
import org.stpkit.forms.QuestionType;

/**
 * A {@code multipart/form-data} post read within a limit: its text fields (strict UTF-8) and its
 * files. Over the limit the body is read and dropped (so that the browser, still sending, gets the
 * answer rather than a reset connection) and the request becomes {@link FormRequest#uploadTooLarge}:
 * the engine shows the page with GOV.UK's size error. The parser is ours, not the container's, so
 * that it needs no container configuration and fails the way the rest of the adapter does.
 */
final class MultipartForm {
  /** The most of an over-limit body read to drop it; beyond this the connection is simply closed. */
  private static final long MAX_DRAINED = 256L * 1024 * 1024;
  private static final int MAX_HEADER_BYTES = 8 * 1024;
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

  /** A body that is not a multipart form this adapter can read: the servlet answers 400. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable() {
      super(null, null, false, false);
    }
  }

  private MultipartForm() {}

  /** The largest multipart post a form needs: its largest file question's total, and room for the other fields. */
  static long limitFor(FormDefinition form, long otherFields) {
    long largest = form.pages().stream().flatMap(page -> page.allQuestions().stream())
        .filter(question -> question.type() == QuestionType.FILE).map(Question::files)
        .mapToLong(rules -> rules.maxTotalSize()).max().orElse(0);
    return largest + otherFields;
  }

  static FormRequest read(HttpServletRequest request, String contentType, long limit, int maxFields,
      FormRequest withoutBody) throws IOException, Unreadable {
    byte[] boundary = ("--" + boundary(contentType)).getBytes(StandardCharsets.ISO_8859_1);
    long declared = request.getContentLengthLong();
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      if (declared > limit) {
        drain(in);
        return tooLarge(withoutBody);
      }
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (body.length > limit) {
        drain(in);
        return tooLarge(withoutBody);
      }
    }
    return parse(body, boundary, maxFields, withoutBody);
  }

  private static FormRequest tooLarge(FormRequest request) {
    return FormRequest.uploadTooLarge(request.path(), request.query(), request.sessionId());
  }

  private static void drain(InputStream in) throws IOException {
    drain(in, MAX_DRAINED);
  }

  /** Reads and drops up to {@code most} bytes; whether the body ended within them. */
  static boolean drain(InputStream in, long most) throws IOException {
    byte[] buffer = new byte[(int) Math.min(64 * 1024, most)];
    long drained = 0;
    int read;
    while ((read = in.read(buffer)) >= 0) {
      drained += read;
      if (drained > most) {
        return false;
      }
    }
    return true;
  }

  private static String boundary(String contentType) throws Unreadable {
    for (String parameter : contentType.split(";")) {
      String trimmed = parameter.strip();
      if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String value = unquote(trimmed.substring("boundary=".length()));
        if (!value.isEmpty() && value.length() <= 70) {
          return value;
        }
      }
    }
    throw new Unreadable();
  }

  private static FormRequest parse(byte[] body, byte[] boundary, int maxFields, FormRequest request) throws Unreadable {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    List<FormRequest.FilePart> files = new ArrayList<>();
    int at = indexOf(body, boundary, 0);
    if (at < 0) {
      throw new Unreadable();
    }
    byte[] nextBoundary = concat(CRLF, boundary);
    int parts = 0;
    while (true) {
      at += boundary.length;
      if (startsAt(body, at, new byte[] {'-', '-'})) {
        break;
      }
      if (!startsAt(body, at, CRLF) || ++parts > maxFields) {
        throw new Unreadable();
      }
      int headersEnd = indexOf(body, HEADERS_END, at + 2);
      if (headersEnd < 0 || headersEnd - at > MAX_HEADER_BYTES) {
        throw new Unreadable();
      }
      Map<String, String> disposition = disposition(utf8(body, at + 2, headersEnd));
      int contentStart = headersEnd + HEADERS_END.length;
      int contentEnd = indexOf(body, nextBoundary, contentStart);
      if (contentEnd < 0 || !disposition.containsKey("name")) {
        throw new Unreadable();
      }
      String name = disposition.get("name");
      if (disposition.containsKey("filename")) {
        byte[] content = java.util.Arrays.copyOfRange(body, contentStart, contentEnd);
        files.add(new FormRequest.FilePart(name, disposition.get("filename"), content));
      } else {
        fields.computeIfAbsent(name, key -> new ArrayList<>()).add(utf8(body, contentStart, contentEnd));
      }
      at = contentEnd + CRLF.length;
    }
    return new FormRequest(request.method(), request.path(), request.query(), fields, request.sessionId())
        .withFiles(files);
  }

  /** The parameters of the part's {@code Content-Disposition: form-data; name="..."; filename="..."}. */
  private static Map<String, String> disposition(String headers) throws Unreadable {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("content-disposition")) {
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> pieces = splitOutsideQuotes(line.substring(colon + 1));
        if (pieces.isEmpty() || !pieces.get(0).strip().equalsIgnoreCase("form-data")) {
          throw new Unreadable();
        }
        for (String piece : pieces.subList(1, pieces.size())) {
          int equals = piece.indexOf('=');
          if (equals > 0) {
            parameters.put(piece.substring(0, equals).strip().toLowerCase(Locale.ROOT),
                unquote(piece.substring(equals + 1).strip()));
          }
        }
        return parameters;
      }
    }
    throw new Unreadable();
  }

  private static List<String> splitOutsideQuotes(String value) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ';' && !quoted) {
        pieces.add(piece.toString());
        piece.setLength(0);
      } else {
        piece.append(c);
      }
    }
    pieces.add(piece.toString());
    return pieces;
  }

  /**
   * A parameter's value without its quotes. Browsers escape a quote in a file name as {@code %22}
   * and line breaks as {@code %0D} / {@code %0A}, and put a backslash before a quote or backslash.
   */
  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\")
          .replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n");
    }
    return value;
  }

  private static String utf8(byte[] bytes, int from, int to) throws Unreadable {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      throw new Unreadable();
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }

  private static boolean startsAt(byte[] bytes, int at, byte[] prefix) {
    if (at < 0 || at + prefix.length > bytes.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, byte[] wanted, int from) {
    for (int i = Math.max(0, from); i <= bytes.length - wanted.length; i++) {
      if (bytes[i] == wanted[0] && startsAt(bytes, i, wanted)) {
        return i;
      }
    }
    return -1;
  }
}
