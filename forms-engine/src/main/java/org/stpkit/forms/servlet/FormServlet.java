package org.stpkit.forms.servlet;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.stpkit.forms.FormEngine;
import org.stpkit.forms.FormRequest;
import org.stpkit.forms.FormResponse;

/**
 * Serves a {@link FormEngine} from a Servlet 6 container. Map it at the engine's mount path:
 * {@code /apply/*} for an engine built with {@code mountPath("/apply")}.
 *
 * <p>It reads form posts itself, within limits, so that input a user can send never becomes a
 * 500: a body over the size limit gets a 413 page (a post of files over its limit, the page again with
 * GOV.UK's size error), too many fields or bytes that are not UTF-8 or
 * not URL-encoded get a 400 page, and any other method a 405 page. The session cookie is
 * {@code HttpOnly}, {@code SameSite=Lax} and, over HTTPS, {@code Secure}.
 */
public final class FormServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(FormServlet.class.getName());

  private final transient FormEngine engine;
  private final int maxBodyBytes;
  private final int maxFields;
  private final long maxUploadBytes;
  private final String cookieName;

  private FormServlet(Builder builder) {
    this.engine = builder.engine;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.maxFields = builder.maxFields;
    this.maxUploadBytes = builder.maxUploadBytes > 0 ? builder.maxUploadBytes
        : MultipartForm.limitFor(engine.form(), builder.maxBodyBytes);
    this.cookieName = builder.cookieName;
  }

  /** A servlet with the default limits: 1 MB bodies, 1,000 fields. */
  public static FormServlet of(FormEngine engine) {
    return builder(engine).build();
  }

  public static Builder builder(FormEngine engine) {
    return new Builder(engine);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      FormResponse answer = answer(request);
      write(answer, request, response);
    } catch (BadRequest e) {
      dropUnreadBody(request, response);
      write(engine.problemPage(e.status), request, response);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Form request failed: " + request.getMethod() + " " + request.getRequestURI(), e);
      if (!response.isCommitted()) {
        response.reset();
        write(engine.problemPage(500), request, response);
      }
    }
  }

  private FormResponse answer(HttpServletRequest request) throws IOException, BadRequest {
    FormRequest.Method method;
    try {
      method = FormRequest.Method.valueOf(request.getMethod());
    } catch (IllegalArgumentException e) {
      throw new BadRequest(405);
    }
    String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
    Map<String, List<String>> query = decode(request.getQueryString() == null ? "" : request.getQueryString());
    Map<String, List<String>> fields = Map.of();
    if (method == FormRequest.Method.POST) {
      String contentType = request.getContentType() == null ? "" : request.getContentType();
      if (contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
        FormRequest withoutBody = new FormRequest(method, path, query, Map.of(), sessionCookie(request));
        try {
          return engine.handle(MultipartForm.read(request, contentType, maxUploadBytes, maxFields, withoutBody));
        } catch (MultipartForm.Unreadable e) {
          throw new BadRequest(400);
        }
      }
      if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
        throw new BadRequest(400);
      }
      fields = decode(readBody(request));
    }
    return engine.handle(new FormRequest(method, path, query, fields, sessionCookie(request)));
  }

  /**
   * Reads and drops what is left of a body the request was refused for (a multipart body with no
   * boundary is refused before it is read), so that the connection can carry the client's next
   * request; a body too long to drop closes the connection, and the response says so. Without
   * this the server answered, then closed a kept-alive connection the client was about to use.
   */
  private static void dropUnreadBody(HttpServletRequest request, HttpServletResponse response) {
    boolean ended;
    try {
      ended = MultipartForm.drain(request.getInputStream(), MAX_DROPPED);
    } catch (IOException | IllegalStateException e) {
      ended = false;
    }
    if (!ended) {
      response.setHeader("Connection", "close");
    }
  }

  private String readBody(HttpServletRequest request) throws IOException, BadRequest {
    long declared = request.getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw new BadRequest(413);
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(maxBodyBytes + 1);
    }
    if (body.length > maxBodyBytes) {
      throw new BadRequest(413);
    }
    return new String(body, StandardCharsets.ISO_8859_1);
  }

  /** Decodes {@code a=1&b=2} strictly: bad percent-escapes and bytes that are not UTF-8 are a 400. */
  private Map<String, List<String>> decode(String encoded) throws BadRequest {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (encoded.isEmpty()) {
      return fields;
    }
    int count = 0;
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      if (++count > maxFields) {
        throw new BadRequest(400);
      }
      int equals = pair.indexOf('=');
      String name = percentDecode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : percentDecode(pair.substring(equals + 1));
      fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return fields;
  }

  private static String percentDecode(String text) throws BadRequest {
    ByteBuffer bytes = ByteBuffer.allocate(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.put((byte) ' ');
      } else if (c == '%') {
        if (i + 2 >= text.length()) {
          throw new BadRequest(400);
        }
        int high = Character.digit(text.charAt(i + 1), 16);
        int low = Character.digit(text.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw new BadRequest(400);
        }
        bytes.put((byte) (high * 16 + low));
        i += 2;
      } else if (c > 0xFF) {
        throw new BadRequest(400);
      } else {
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new BadRequest(400);
    }
  }

  private Optional<String> sessionCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (cookie.getName().equals(cookieName) && !cookie.getValue().isEmpty()) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  private void write(FormResponse answer, HttpServletRequest request, HttpServletResponse response) throws IOException {
    answer.newSessionId().ifPresent(id -> {
      Cookie cookie = new Cookie(cookieName, id);
      cookie.setHttpOnly(true);
      cookie.setSecure(request.isSecure());
      cookie.setPath(engine.mountPath().isEmpty() ? "/" : engine.mountPath());
      cookie.setAttribute("SameSite", "Lax");
      response.addCookie(cookie);
    });
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    if (answer instanceof FormResponse.Resource resource) {
      response.setHeader("Cache-Control", resource.cacheControl());
      response.setStatus(resource.status());
      byte[] body = resource.body();
      if (body.length > 0) {
        response.setContentType(resource.contentType());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
      }
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    if (answer instanceof FormResponse.Redirect redirect) {
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", redirect.location());
      return;
    }
    FormResponse.Page page = (FormResponse.Page) answer;
    response.setStatus(page.status());
    response.setContentType("text/html;charset=UTF-8");
    byte[] html = page.html().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(html.length);
    response.getOutputStream().write(html);
  }

  /** A request refused before the engine sees it. */
  /** The most of a refused body read to drop it; more closes the connection. */
  private static final long MAX_DROPPED = 1024 * 1024;

  private static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    BadRequest(int status) {
      super(null, null, false, false);
      this.status = status;
    }
  }

  /** Limits and the cookie name. */
  public static final class Builder {
    private final FormEngine engine;
    private int maxBodyBytes = 1_000_000;
    private int maxFields = 1_000;
    private long maxUploadBytes;
    private String cookieName = "stp-form-session";

    private Builder(FormEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** The largest form post accepted, in bytes (default 1,000,000); larger gets a 413 page. */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** The most fields in one post or query (default 1,000); more gets a 400 page. */
    public Builder maxFields(int maxFields) {
      if (maxFields < 1) {
        throw new IllegalArgumentException("maxFields must be positive: " + maxFields);
      }
      this.maxFields = maxFields;
      return this;
    }

    /**
     * The largest post of files accepted, in bytes (default: the largest total a file question of the
     * form allows, plus {@code maxBodyBytes} for the other fields). A larger post is not read: the
     * page shows GOV.UK's "must be smaller than" error on its file question.
     */
    public Builder maxUploadBytes(long maxUploadBytes) {
      if (maxUploadBytes < 1) {
        throw new IllegalArgumentException("maxUploadBytes must be positive: " + maxUploadBytes);
      }
      this.maxUploadBytes = maxUploadBytes;
      return this;
    }

    public Builder cookieName(String cookieName) {
      this.cookieName = Objects.requireNonNull(cookieName, "cookieName");
      return this;
    }

    public FormServlet build() {
      return new FormServlet(this);
    }
  }
}
