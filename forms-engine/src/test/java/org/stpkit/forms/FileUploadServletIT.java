package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stpkit.forms.servlet.FormServlet;
import org.stpkit.forms.spi.ClamAvScanner;
import org.stpkit.forms.spi.FileSystemFileStore;
import org.stpkit.forms.spi.Submission;

/** Posts of files to the servlet adapter in a real Jetty, over real HTTP, as browsers send them. */
class FileUploadServletIT {
  private static final String BOUNDARY = "----stpFormBoundary7MA4YWxkTrZu0gW";
  private static final List<Submission> SUBMISSIONS = new CopyOnWriteArrayList<>();
  private static StubClamd clamd;
  private static JettyFormServer server;

  @TempDir
  static Path uploads;

  @BeforeAll
  static void start() throws Exception {
    clamd = new StubClamd();
    FormEngine engine = FormEngine.builder(FormDefinitions.load(Path.of("samples/upload.yaml")))
        .mountPath("/report")
        .virusScanner(ClamAvScanner.at("127.0.0.1", clamd.port()).build())
        .fileStore(FileSystemFileStore.in(uploads))
        .submissionHandler(SUBMISSIONS::add)
        .build();
    server = new JettyFormServer(engine, FormServlet.of(engine));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    clamd.close();
  }

  private final HttpClient http = HttpClient.newBuilder()
      .cookieHandler(new java.net.CookieManager())
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();

  @Test
  void aMultipartPostOfAFileIsCheckedScannedKeptAndSent() throws Exception {
    String token = toThePhotoPage();
    HttpResponse<String> next = send(multipart("/report/photo", new Part("csrfToken", null, token.getBytes(StandardCharsets.UTF_8)),
        new Part("photo", "C:\\fakepath\\Afon \"Taf\" ×2.png", SampleFiles.png())));
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(next.uri().getPath()).isEqualTo("/report/evidence");
    assertThat(storedFiles()).hasSize(1);
    token = Jsoup.parse(next.body()).select("input[name=csrfToken]").val();
    next = send(multipart("/report/evidence", new Part("csrfToken", null, token.getBytes(StandardCharsets.UTF_8)),
        new Part("evidence", "report.pdf", SampleFiles.pdf()), new Part("evidence", "statement.docx", SampleFiles.docx())));
    token = Jsoup.parse(next.body()).select("input[name=csrfToken]").val();
    next = send(multipart("/report/permit", new Part("csrfToken", null, token.getBytes(StandardCharsets.UTF_8)),
        new Part("permit", "", new byte[0])));
    assertThat(next.uri().getPath()).isEqualTo("/report/check-answers");
    assertThat(Jsoup.parse(next.body()).select("main").text()).contains("Afon \"Taf\" ×2.png", "report.pdf", "statement.docx");

    token = Jsoup.parse(next.body()).select("input[name=csrfToken]").val();
    HttpResponse<String> sent = send(HttpRequest.newBuilder(uri("/report/check-answers"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + token)).build());
    assertThat(sent.uri().getPath()).isEqualTo("/report/confirmation");
    Submission submission = SUBMISSIONS.get(SUBMISSIONS.size() - 1);
    assertThat(submission.fileContents().values()).anySatisfy(content -> assertThat(content).isEqualTo(SampleFiles.png()));
    assertThat(submission.fileContents()).hasSize(3);
    assertThat(storedFiles()).isEmpty();
  }

  @Test
  void aMultipartPostWithoutTheCsrfTokenIsRefused() throws Exception {
    toThePhotoPage();
    HttpResponse<String> refused = send(multipart("/report/photo", new Part("photo", "river.png", SampleFiles.png())));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(refused.body()).select("h1").text()).isEqualTo("There is a problem with this page");
    HttpResponse<String> wrong = send(multipart("/report/photo",
        new Part("csrfToken", null, "not-the-token".getBytes(StandardCharsets.UTF_8)),
        new Part("photo", "river.png", SampleFiles.png())));
    assertThat(wrong.statusCode()).isEqualTo(403);
  }

  @Test
  void aPostOverTheBodyLimitGetsTheSizeErrorOnThePageNotA413() throws Exception {
    String token = toThePhotoPage();
    // The sample's largest question takes 8MB; with 1MB for the other fields, 9MB is the limit.
    byte[] huge = SampleFiles.pdfOfSize(10 * 1024 * 1024);
    HttpResponse<String> page = send(multipart("/report/photo", new Part("csrfToken", null, token.getBytes(StandardCharsets.UTF_8)),
        new Part("photo", "huge.png", huge)));
    assertThat(page.statusCode()).isEqualTo(200);
    Document html = Jsoup.parse(page.body());
    assertThat(html.title()).startsWith("Error: ");
    assertThat(html.select(".govuk-error-summary a").text()).isEqualTo("The selected file must be smaller than 5MB");
    assertThat(html.select(".govuk-error-summary a").attr("href")).isEqualTo("#photo");
    assertThat(clamd.scans()).as("nothing so large is scanned").isZero();
  }

  @Test
  void aBodyThatIsNotMultipartAsDeclaredIsA400Page() throws Exception {
    String token = toThePhotoPage();
    HttpResponse<String> noBoundary = send(HttpRequest.newBuilder(uri("/report/photo"))
        .header("Content-Type", "multipart/form-data")
        .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + token)).build());
    assertThat(noBoundary.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(noBoundary.body()).select("h1").text()).isEqualTo("There is a problem with this page");
    HttpResponse<String> notUtf8 = send(multipart("/report/photo",
        new Part("csrfToken", null, new byte[] {(byte) 0xC3, (byte) 0x28})));
    assertThat(notUtf8.statusCode()).isEqualTo(400);
    HttpResponse<String> unterminated = send(HttpRequest.newBuilder(uri("/report/photo"))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofString("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"))
        .build());
    assertThat(unterminated.statusCode()).isEqualTo(400);
  }

  /**
   * A post refused before its body is read (no boundary) leaves the connection usable: the body
   * arrives after the refusal is decided, and the next request on the same connection is answered.
   * Before, the server answered and then closed the connection, and a client that reused it, as
   * browsers and the JDK's client do, got nothing back.
   */
  @Test
  void aRefusedPostsLateBodyIsDroppedAndTheConnectionCarriesTheNextRequest() throws Exception {
    URI base = uri("/");
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String body = "a".repeat(2_000);
      out.write(("POST /report/photo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data\r\n"
          + "Content-Length: " + body.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(300);
      out.write(body.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readResponse(in)).startsWith("HTTP/1.1 400 ");
      out.write("GET /report/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readResponse(in)).as("the next request on the same connection").startsWith("HTTP/1.1 303 ");
    }
  }

  /** One HTTP/1.1 response with a Content-Length body: its head, or "" when the connection ends first. */
  private static String readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while (!head.toString().endsWith("\r\n\r\n")) {
      if ((b = in.read()) < 0) {
        return "";
      }
      head.append((char) b);
    }
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *([0-9]+)").matcher(head);
    if (length.find()) {
      in.readNBytes(Integer.parseInt(length.group(1)));
    }
    return head.toString();
  }

  private String toThePhotoPage() throws Exception {
    HttpResponse<String> first = send(HttpRequest.newBuilder(uri("/report/")).GET().build());
    String token = Jsoup.parse(first.body()).select("input[name=csrfToken]").val();
    HttpResponse<String> photo = send(HttpRequest.newBuilder(uri("/report/name"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("csrfToken=" + token + "&reporterName-given=Jo&reporterName-family=Bloggs"))
        .build());
    assertThat(photo.uri().getPath()).isEqualTo("/report/photo");
    Document page = Jsoup.parse(photo.body());
    assertThat(page.select("form").attr("enctype")).isEqualTo("multipart/form-data");
    return page.select("input[name=csrfToken]").val();
  }

  /** One part of a multipart body: a field, or a file when it has a file name. */
  private record Part(String name, String fileName, byte[] content) {}

  private static HttpRequest multipart(String path, Part... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part part : parts) {
      StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\"");
      if (part.fileName() != null) {
        // As Chrome writes it: quotes escaped as %22, the name in UTF-8.
        head.append("; filename=\"").append(part.fileName().replace("\"", "%22")).append("\"\r\n")
            .append("Content-Type: application/octet-stream");
      }
      head.append("\r\n\r\n");
      body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      body.writeBytes(part.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }

  private static List<Path> storedFiles() throws Exception {
    try (Stream<Path> files = Files.walk(uploads)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
