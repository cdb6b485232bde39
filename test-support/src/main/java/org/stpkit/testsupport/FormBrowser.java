package org.stpkit.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One user's browser on a forms-engine journey over real HTTP: keeps its cookies, follows the
 * engine's redirects (303), and posts the CSRF token of the last page it was shown. Given several
 * servers, it sends each request to the next one in turn (round-robin, as a load balancer without
 * sticky sessions would), redirects included, so a journey crosses instances on every step.
 *
 * <pre>{@code
 * FormBrowser browser = FormBrowser.of("http://127.0.0.1:8081", "http://127.0.0.1:8082");
 * browser.get("/apply/");
 * FormBrowser.Page next = browser.post("/apply/name", "fullName-given", "Jo", "fullName-family", "Bloggs");
 * }</pre>
 */
public final class FormBrowser {
  private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]*)\"");
  private static final Pattern TITLE = Pattern.compile("<title>\\s*(.*?)\\s*</title>", Pattern.DOTALL);
  private static final Pattern H1 = Pattern.compile("<h1[^>]*>\\s*(.*?)\\s*</h1>", Pattern.DOTALL);
  private static final Pattern SUMMARY_ROW = Pattern.compile(
      "govuk-summary-list__key\">(.*?)</dt>\\s*<dd class=\"govuk-summary-list__value\">(.*?)</dd>", Pattern.DOTALL);
  private static final Pattern REFERENCE = Pattern.compile("govuk-panel__body[^>]*>.*?<strong>([^<]+)</strong>", Pattern.DOTALL);

  private final List<String> servers;
  private final AtomicInteger next = new AtomicInteger();
  private final HttpClient http;
  private volatile String csrfToken = "";

  private FormBrowser(List<String> servers, HttpClient http) {
    this.servers = List.copyOf(servers);
    this.http = http;
  }

  /** A browser with its own cookies, sending requests to these servers (base URLs) in turn. */
  public static FormBrowser of(String... servers) {
    if (servers.length == 0) {
      throw new IllegalArgumentException("servers: give at least one base URL");
    }
    return new FormBrowser(List.of(servers), HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build());
  }

  /**
   * Another tab of the same browser: the same cookies (so the same journey), its own last page and
   * CSRF token, and its own turn through the servers.
   */
  public FormBrowser newTab() {
    FormBrowser tab = new FormBrowser(servers, http);
    tab.csrfToken = csrfToken;
    tab.next.set(next.get() + 1);
    return tab;
  }

  /** A page as shown, after any redirects. */
  public record Page(int status, String path, String html, List<String> redirects) {
    public String title() {
      return first(TITLE);
    }

    /** The main heading's text, tags removed. */
    public String heading() {
      return first(H1).replaceAll("<[^>]+>", "").trim();
    }

    /** The reference on a confirmation page; empty elsewhere. */
    public String reference() {
      return first(REFERENCE).trim();
    }

    /** Check your answers as shown: each question's text and its answer's, tags removed, in page order. */
    public Map<String, String> summary() {
      Map<String, String> rows = new LinkedHashMap<>();
      Matcher row = SUMMARY_ROW.matcher(html);
      while (row.find()) {
        rows.put(text(row.group(1)), text(row.group(2)));
      }
      return rows;
    }

    private static String text(String markup) {
      return markup.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }

    /** The value of the input with this id; empty when there is none. */
    public String inputValue(String id) {
      Matcher input = Pattern.compile("<input[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
      if (!input.find()) {
        return "";
      }
      Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
      return value.find() ? value.group(1) : "";
    }

    private String first(Pattern pattern) {
      Matcher matcher = pattern.matcher(html);
      return matcher.find() ? matcher.group(1) : "";
    }
  }

  /** GETs a path (below the server's root, such as {@code /apply/age}) and follows redirects. */
  public Page get(String path) {
    return follow(send(HttpRequest.newBuilder(uri(path)).GET()), path);
  }

  /** POSTs fields (name, value, name, value...) with the last page's CSRF token and follows redirects. */
  public Page post(String path, String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("namesAndValues: give a value for every name");
    }
    List<String> pairs = new ArrayList<>();
    pairs.add("csrfToken=" + encode(csrfToken));
    for (int i = 0; i < namesAndValues.length; i += 2) {
      pairs.add(encode(namesAndValues[i]) + "=" + encode(namesAndValues[i + 1]));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)));
    return follow(send(request), path);
  }

  private Page follow(HttpResponse<String> response, String path) {
    List<String> redirects = new ArrayList<>();
    String at = path;
    while (response.statusCode() == 303) {
      at = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("303 without Location"));
      redirects.add(at);
      if (redirects.size() > 10) {
        throw new IllegalStateException("redirect loop: " + redirects);
      }
      response = send(HttpRequest.newBuilder(uri(at)).GET());
    }
    Matcher token = CSRF.matcher(response.body());
    if (token.find()) {
      csrfToken = token.group(1);
    }
    return new Page(response.statusCode(), at, response.body(), List.copyOf(redirects));
  }

  private URI uri(String path) {
    Objects.requireNonNull(path, "path");
    String server = servers.get(Math.floorMod(next.getAndIncrement(), servers.size()));
    return URI.create(server + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
