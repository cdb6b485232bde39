package org.stpkit.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The load runs' HTTP client: one user's browser, reduced to what the runs need. HTTP/1.1 over a
 * kept-alive blocking socket per server, written and read by the user's own thread, with a cookie
 * jar of its own.
 *
 * <p>Why not the JDK's {@code HttpClient}: the load client shares the machine's two cores with the
 * servers it measures, and with one {@code HttpClient} per user it took about a third of them (0.68
 * of 2 cores against the server's 1.13 in hof's shape, 2026-12-06), so the figures measured the client
 * as much as the servers. A user's requests are sequential, so a socket read by the thread that
 * wrote the request needs no selector, no executor hand-offs and no futures.
 */
final class PlainHttp implements AutoCloseable {
  private static final int TIMEOUT_MILLIS = 60_000;

  /** A response: its status, headers (names in lower case) and body as text. */
  record Response(int status, Map<String, List<String>> headers, String body) {
    Optional<String> header(String name) {
      List<String> values = headers.getOrDefault(name, List.of());
      return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    List<String> all(String name) {
      return headers.getOrDefault(name, List.of());
    }
  }

  private final Map<String, Connection> connections = new HashMap<>();
  private final Map<String, String> cookies = new LinkedHashMap<>();

  /** GET {@code url}; fails unless the status is {@code expected}. */
  Response get(String url, int expected) throws IOException {
    return send("GET", URI.create(url), null, expected);
  }

  /**
   * POST a form body ({@code application/x-www-form-urlencoded}) to {@code url}; fails unless the
   * status is {@code expected}.
   */
  Response post(String url, String formBody, int expected) throws IOException {
    return send("POST", URI.create(url), formBody, expected);
  }

  /** Forgets every cookie: the next request starts a new session, as a new browser would. */
  void clearCookies() {
    cookies.clear();
  }

  private Response send(String method, URI uri, String formBody, int expected) throws IOException {
    String authority = uri.getRawAuthority();
    Connection connection = connections.get(authority);
    boolean reused = connection != null;
    if (connection == null) {
      connection = open(uri);
    }
    byte[] request = request(method, uri, formBody);
    Response response;
    try {
      response = connection.exchange(request);
    } catch (EOFException e) {
      connection.close();
      connections.remove(authority);
      // A kept-alive connection the server closed between requests: a browser sends again on a new
      // one. Only a GET, and only when nothing of an answer came back: a POST is never sent twice.
      if (!reused || !method.equals("GET")) {
        throw e;
      }
      connection = open(uri);
      response = connection.exchange(request);
    }
    if (response.header("connection").map(value -> value.equalsIgnoreCase("close")).orElse(false)) {
      connection.close();
      connections.remove(authority);
    }
    for (String setCookie : response.all("set-cookie")) {
      keep(setCookie);
    }
    if (response.status() != expected) {
      throw new IllegalStateException(method + " " + uri + " gave " + response.status() + ", not " + expected);
    }
    return response;
  }

  private Connection open(URI uri) throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(TIMEOUT_MILLIS);
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
    Connection connection = new Connection(socket);
    connections.put(uri.getRawAuthority(), connection);
    return connection;
  }

  private byte[] request(String method, URI uri, String formBody) {
    StringBuilder head = new StringBuilder(256);
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ").append(uri.getRawAuthority()).append("\r\n");
    if (!cookies.isEmpty()) {
      head.append("Cookie: ");
      boolean first = true;
      for (Map.Entry<String, String> cookie : cookies.entrySet()) {
        head.append(first ? "" : "; ").append(cookie.getKey()).append('=').append(cookie.getValue());
        first = false;
      }
      head.append("\r\n");
    }
    byte[] body = formBody == null ? new byte[0] : formBody.getBytes(StandardCharsets.UTF_8);
    if (formBody != null) {
      head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  /** A {@code Set-Cookie}'s name and value; an expired or emptied cookie is forgotten. */
  private void keep(String setCookie) {
    String pair = setCookie.split(";", 2)[0];
    int equals = pair.indexOf('=');
    if (equals <= 0) {
      return;
    }
    String name = pair.substring(0, equals).strip();
    String value = pair.substring(equals + 1).strip();
    String attributes = setCookie.toLowerCase(Locale.ROOT);
    if (value.isEmpty() || attributes.contains("max-age=0")) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }

  @Override
  public void close() {
    connections.values().forEach(Connection::close);
    connections.clear();
  }

  /** One kept-alive connection: a request written, its response read, then the next. */
  private static final class Connection {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    Response exchange(byte[] request) throws IOException {
      try {
        out.write(request);
        out.flush();
      } catch (java.net.SocketException e) {
        throw new EOFException("The server had closed the connection: " + e.getMessage());
      }
      String statusLine;
      try {
        statusLine = line(true);
      } catch (java.net.SocketException e) {
        // Reset by a server that had closed the connection: nothing of an answer came back.
        throw new EOFException("The server had closed the connection: " + e.getMessage());
      }
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
        throw new IOException("Not an HTTP/1.x status line: " + statusLine);
      }
      int status = Integer.parseInt(parts[1]);
      Map<String, List<String>> headers = new HashMap<>();
      for (String header = line(false); !header.isEmpty(); header = line(false)) {
        int colon = header.indexOf(':');
        if (colon > 0) {
          headers.computeIfAbsent(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), name -> new ArrayList<>(1))
              .add(header.substring(colon + 1).strip());
        }
      }
      byte[] body;
      List<String> length = headers.getOrDefault("content-length", List.of());
      boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).stream()
          .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("chunked"));
      if (chunked) {
        body = chunked();
      } else if (!length.isEmpty()) {
        body = exactly(Integer.parseInt(length.get(0)));
      } else if (status == 204 || status == 304 || status / 100 == 1) {
        body = new byte[0];
      } else {
        throw new IOException("A response with neither Content-Length nor chunked encoding:"
            + " the client keeps connections open");
      }
      return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunked() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
      while (true) {
        String size = line(false);
        int semicolon = size.indexOf(';');
        int chunk = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
        if (chunk == 0) {
          while (!line(false).isEmpty()) {
            // trailers, if any
          }
          return body.toByteArray();
        }
        body.write(exactly(chunk));
        line(false);
      }
    }

    private byte[] exactly(int length) throws IOException {
      byte[] bytes = in.readNBytes(length);
      if (bytes.length != length) {
        throw new IOException("The server closed the connection after " + bytes.length + " of " + length + " bytes");
      }
      return bytes;
    }

    /** A line of ISO-8859-1 up to CRLF (or LF). {@code first}: the end of the stream here is an {@link EOFException}. */
    private String line(boolean first) throws IOException {
      StringBuilder line = new StringBuilder(64);
      while (true) {
        int b = in.read();
        if (b < 0) {
          if (first && line.length() == 0) {
            throw new EOFException("The server closed the connection before answering");
          }
          throw new IOException("The server closed the connection in the middle of an answer");
        }
        if (b == '\n') {
          int end = line.length();
          if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
          }
          return line.toString();
        }
        line.append((char) b);
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a socket the load run no longer needs; nothing to do about a failure.
      }
    }
  }
}
