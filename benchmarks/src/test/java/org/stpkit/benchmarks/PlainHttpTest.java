package org.stpkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load client's HTTP against a server on a socket whose every byte the test decides: the load
 * runs' counts of lost answers and duplicate submissions are only as good as this client.
 */
class PlainHttpTest {
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger connections = new AtomicInteger();
  private ScriptedServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void keepsOneConnectionAliveAndSendsBackTheCookiesItWasGiven() throws Exception {
    server = new ScriptedServer(request -> request.startsWith("GET /start")
        ? answer("303 See Other", "Location: /next\r\nSet-Cookie: session=abc; Path=/; HttpOnly\r\nSet-Cookie: other=1\r\n", "")
        : answer("200 OK", "", "page"));
    try (PlainHttp http = new PlainHttp()) {
      assertThat(http.get(server.url("/start"), 303).header("location")).contains("/next");
      assertThat(http.get(server.url("/next"), 200).body()).isEqualTo("page");
      http.post(server.url("/next"), "a=1&b=%C2%A3", 200);
    }
    assertThat(connections).hasValue(1);
    assertThat(requests.get(0)).doesNotContain("Cookie:");
    assertThat(requests.get(1)).contains("\r\nCookie: session=abc; other=1\r\n");
    assertThat(requests.get(2)).startsWith("POST /next HTTP/1.1\r\n")
        .contains("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 12\r\n").endsWith("\r\n\r\na=1&b=%C2%A3");
  }

  @Test
  void forgetsAnExpiredCookieAndEveryCookieWhenToldTo() throws Exception {
    server = new ScriptedServer(request -> request.startsWith("GET /in")
        ? answer("200 OK", "Set-Cookie: session=abc\r\nSet-Cookie: flash=x\r\n", "")
        : request.startsWith("GET /out") ? answer("200 OK", "Set-Cookie: flash=; Max-Age=0\r\n", "") : answer("200 OK", "", ""));
    try (PlainHttp http = new PlainHttp()) {
      http.get(server.url("/in"), 200);
      http.get(server.url("/out"), 200);
      http.get(server.url("/after"), 200);
      http.clearCookies();
      http.get(server.url("/fresh"), 200);
    }
    assertThat(requests.get(2)).contains("\r\nCookie: session=abc\r\n");
    assertThat(requests.get(3)).doesNotContain("Cookie:");
  }

  @Test
  void readsAChunkedBodyInUtf8() throws Exception {
    byte[] pound = "£5 – paid".getBytes(StandardCharsets.UTF_8);
    server = new ScriptedServer(request -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(("3;ext=1\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(pound, 0, 3);
      out.writeBytes(("\r\n" + Integer.toHexString(pound.length - 3) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(pound, 3, pound.length - 3);
      out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      return new Answer(out.toByteArray(), false);
    });
    try (PlainHttp http = new PlainHttp()) {
      assertThat(http.get(server.url("/a"), 200).body()).isEqualTo("£5 – paid");
      assertThat(http.get(server.url("/b"), 200).body()).isEqualTo("£5 – paid");
    }
    assertThat(connections).hasValue(1);
  }

  @Test
  void opensANewConnectionAfterConnectionClose() throws Exception {
    server = new ScriptedServer(request -> answer("200 OK", "Connection: close\r\n", "bye", true));
    try (PlainHttp http = new PlainHttp()) {
      http.get(server.url("/a"), 200);
      http.post(server.url("/b"), "x=1", 200);
    }
    assertThat(connections).hasValue(2);
  }

  @Test
  void aGetOnAConnectionTheServerClosedIsSentAgainButAPostNever() throws Exception {
    // The server answers, then closes the connection without saying so: the next request on it finds it gone.
    server = new ScriptedServer(request -> answer("200 OK", "", "ok", true));
    try (PlainHttp http = new PlainHttp()) {
      http.get(server.url("/first"), 200);
      assertThat(http.get(server.url("/again"), 200).body()).isEqualTo("ok");
      assertThatThrownBy(() -> http.post(server.url("/submit"), "x=1", 200)).isInstanceOf(EOFException.class);
    }
    assertThat(requests).extracting(request -> request.substring(0, request.indexOf(' ', 5)))
        .containsExactly("GET /first", "GET /again");
  }

  @Test
  void anUnexpectedStatusFailsNamingTheRequest() throws Exception {
    server = new ScriptedServer(request -> answer("500 Server Error", "", "oops"));
    try (PlainHttp http = new PlainHttp()) {
      assertThatThrownBy(() -> http.post(server.url("/form/age"), "age=35", 303))
          .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("/form/age gave 500, not 303");
    }
  }

  @Test
  void aBodyCutShortIsAnErrorNotAShortPage() throws Exception {
    server = new ScriptedServer(request -> new Answer(
        "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this".getBytes(StandardCharsets.ISO_8859_1), true));
    try (PlainHttp http = new PlainHttp()) {
      assertThatThrownBy(() -> http.get(server.url("/short"), 200)).isInstanceOf(IOException.class)
          .hasMessageContaining("after 9 of 100 bytes");
    }
  }

  private static Answer answer(String status, String headers, String body) {
    return answer(status, headers, body, false);
  }

  private static Answer answer(String status, String headers, String body, boolean closeAfter) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new Answer(("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: " + bytes.length + "\r\n\r\n" + body)
        .getBytes(StandardCharsets.UTF_8), closeAfter);
  }

  /** The bytes to answer with, and whether to close the connection after them. */
  private record Answer(byte[] bytes, boolean closeAfter) {}

  /** Accepts connections on 127.0.0.1 and answers each request as the test's function says. */
  private final class ScriptedServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final Thread acceptor;

    ScriptedServer(Function<String, Answer> answers) throws IOException {
      acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try {
            Socket connection = socket.accept();
            connections.incrementAndGet();
            Thread serving = new Thread(() -> serve(connection, answers));
            serving.setDaemon(true);
            serving.start();
          } catch (IOException e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url(String path) {
      return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    private void serve(Socket connection, Function<String, Answer> answers) {
      try (connection) {
        InputStream in = new BufferedInputStream(connection.getInputStream());
        OutputStream out = connection.getOutputStream();
        while (true) {
          String request = readRequest(in);
          if (request == null) {
            return;
          }
          requests.add(request);
          Answer answer = answers.apply(request);
          out.write(answer.bytes());
          out.flush();
          if (answer.closeAfter()) {
            return;
          }
        }
      } catch (IOException e) {
        // The client went away; the test's assertions say whether it should have.
      }
    }

    /** A request's head and body as text, or null at the end of the stream. */
    private String readRequest(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        head.write(b);
        byte[] sofar = head.toByteArray();
        int n = sofar.length;
        if (n >= 4 && sofar[n - 4] == '\r' && sofar[n - 3] == '\n' && sofar[n - 2] == '\r' && sofar[n - 1] == '\n') {
          String text = head.toString(StandardCharsets.ISO_8859_1);
          int length = 0;
          for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
              length = Integer.parseInt(line.substring(15).strip());
            }
          }
          return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
        }
      }
      return null;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
