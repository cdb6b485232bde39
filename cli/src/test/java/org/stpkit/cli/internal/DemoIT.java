package org.stpkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * {@code ./stp demo} for real, as the README tells a newcomer to run it: the example built when it
 * is out of date, Keycloak from its Maven Central distribution, the staff provisioned, the service
 * with its Notify simulator. A citizen's start page answers; a caseworker signs in through Keycloak
 * with a printed demo login and sees the applications, a member of staff who is not a caseworker is
 * refused; Ctrl-C (SIGINT) stops every process the demo started and frees every port. A second run
 * builds and downloads nothing and finds the staff already provisioned.
 */
class DemoIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path STATE = Path.of("target/demo-it").toAbsolutePath();
  /** A first run on a fresh clone builds the example and fetches Keycloak: minutes on a busy 2-core machine. */
  private static final Duration FIRST_START = Duration.ofMinutes(12);
  private static final Duration LATER_START = Duration.ofMinutes(12);
  private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml";

  @Test
  void runsTheExampleWithKeycloakAndCtrlCStopsEverything() throws Exception {
    int port = freePort();
    int keycloakPort = freePort();
    int notifyPort = freePort();

    Demo first = Demo.start(FIRST_START, "--fresh", "--port", String.valueOf(port), "--keycloak-port",
        String.valueOf(keycloakPort), "--notify-port", String.valueOf(notifyPort), "--state-dir", STATE.toString());
    List<ProcessHandle> started = first.descendants();
    String service = "http://127.0.0.1:" + port;
    try {
      assertThat(first.output()).contains("Citizens' start page   " + service + "/",
          "Caseworkers' pages     " + service + "/cases",
          "Messages sent          http://127.0.0.1:" + notifyPort + "/_simulator/notifications",
          "Keycloak admin         http://127.0.0.1:" + keycloakPort + "/admin/  (admin / admin)",
          "Demo logins, each with the password caseworking-demo:",
          "ada.lovelace  Ada Lovelace, Senior caseworker: caseworker who records milestones and decisions",
          "priya.shah    Priya Shah, Accounts assistant: not a caseworker",
          "sam.okafor    Sam Okafor, Caseworker: caseworker who records milestones (not decisions)",
          "staff from examples/caseworking/src/main/resources/staff/hr-feed.csv applied by idam-client: 3 joiners");
      // Keycloak and the service, each a JVM of its own (kc.sh execs its java, so no script is left).
      assertThat(started).hasSizeGreaterThanOrEqualTo(2);

      HttpResponse<String> startPage = get(HttpClient.newHttpClient(), service + "/");
      assertThat(startPage.statusCode()).isEqualTo(200);
      assertThat(startPage.body()).contains("Apply to extend your permission to stay");

      HttpResponse<String> cases = signIn(service + "/cases", "ada.lovelace");
      assertThat(cases.statusCode()).isEqualTo(200);
      assertThat(cases.uri().toString()).startsWith(service + "/cases");
      assertThat(Jsoup.parse(cases.body()).selectFirst("h1").text()).isEqualTo("Applications");

      HttpResponse<String> refused = signIn(service + "/cases", "priya.shah");
      assertThat(refused.statusCode()).isEqualTo(403);
    } finally {
      first.interrupt();
    }

    assertThat(first.stoppedBySignal()).as("exit %d", first.exitCode()).isTrue();
    assertThat(first.output()).contains("stp demo: stopping everything it started...");
    assertThat(started).noneMatch(ProcessHandle::isAlive);
    assertThat(List.of(port, keycloakPort, notifyPort)).allMatch(DemoIT::isFree);

    Demo second = Demo.start(LATER_START, "--port", String.valueOf(port), "--keycloak-port",
        String.valueOf(keycloakPort), "--notify-port", String.valueOf(notifyPort), "--state-dir", STATE.toString());
    List<ProcessHandle> startedAgain = second.descendants();
    second.interrupt();
    assertThat(second.output()).contains("the example is up to date",
        "already in Keycloak: 3 people, nothing to change")
        .doesNotContain("building the example", "getting Keycloak");
    assertThat(second.stoppedBySignal()).as("exit %d", second.exitCode()).isTrue();
    assertThat(startedAgain).noneMatch(ProcessHandle::isAlive);
    assertThat(List.of(port, keycloakPort, notifyPort)).allMatch(DemoIT::isFree);
  }

  /** Follows the service's sign-in to Keycloak's login form, signs in with the demo password, and returns where it lands. */
  private static HttpResponse<String> signIn(String page, String username) throws Exception {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .cookieHandler(new LoopbackCookies()).connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> login = get(browser, page);
    assertThat(login.statusCode()).isEqualTo(200);
    Document form = Jsoup.parse(login.body(), login.uri().toString());
    Element kcForm = form.getElementById("kc-form-login");
    assertThat(kcForm).as("Keycloak's login form at %s", login.uri()).isNotNull();
    String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(DemoSettings.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&credentialId=";
    return browser.send(HttpRequest.newBuilder(URI.create(kcForm.absUrl("action")))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", BROWSER_ACCEPT)
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Cookies as a browser keeps them for 127.0.0.1: browsers count the loopback address as secure, so
   * they send Keycloak's {@code Secure} cookies over plain http there; the JDK's {@link CookieManager}
   * sends them only over https, and Keycloak then refuses the sign-in ("cookie not found").
   */
  private static final class LoopbackCookies extends CookieHandler {
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
      return cookies.get(secure(uri), headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      cookies.put(secure(uri), headers);
    }

    private static URI secure(URI uri) {
      return uri.getScheme().equals("http") && uri.getHost().equals("127.0.0.1")
          ? URI.create("https" + uri.toString().substring("http".length())) : uri;
    }
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    // As a browser asks: Spring Security sends other clients a 401 rather than to the sign-in page.
    return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", BROWSER_ACCEPT)
        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code ./stp demo} running, its output collected as it comes. */
  private record Demo(Process process, List<String> lines) {
    static Demo start(Duration timeout, String... options) throws Exception {
      List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("stp").toString(), "demo"));
      command.addAll(List.of(options));
      ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
      // Plain progress lines, as in CI, rather than a line redrawn in place.
      builder.environment().put("CI", "true");
      Demo demo = new Demo(builder.start(), new CopyOnWriteArrayList<>());
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(demo.process.getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            demo.lines.add(line);
            System.out.println("stp demo | " + line);
          }
        } catch (IOException e) {
          demo.lines.add("(output unreadable: " + e + ")");
        }
      }, "stp-demo-output");
      reader.setDaemon(true);
      reader.start();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (demo.lines.stream().noneMatch(line -> line.contains("Ctrl-C stops everything."))) {
        if (!demo.process.isAlive() || System.nanoTime() > deadline) {
          demo.interrupt();
          throw new AssertionError("stp demo did not start (exit " + (demo.process.isAlive() ? "none" :
              demo.process.exitValue()) + "):\n" + demo.output());
        }
        Thread.sleep(250);
      }
      return demo;
    }

    List<ProcessHandle> descendants() {
      return process.descendants().toList();
    }

    String output() {
      return String.join("\n", lines);
    }

    /**
     * Ctrl-C: SIGINT to stp, as a terminal sends it; waits for stp to finish stopping. A build run
     * as a background job (as some CI runners and agents do) hands its children SIGINT ignored, and
     * the JVM then leaves it ignored; stp is then sent SIGTERM, which runs the same shutdown hook.
     */
    void interrupt() throws Exception {
      if (process.isAlive()) {
        String signal = ignoresSigint(process.pid()) ? "-TERM" : "-INT";
        System.out.println("stp demo | (test sends SIG" + signal.substring(1) + ")");
        new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
      }
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError("stp demo did not stop within 2 minutes of SIGINT:\n" + output());
      }
      // The last lines may still be on their way through the pipe.
      Thread.sleep(200);
    }

    /** The exit code of a JVM stopped by the signal {@link #interrupt()} sent: 128 + its number. */
    int exitCode() {
      return process.exitValue();
    }

    boolean stoppedBySignal() {
      return exitCode() == 130 || exitCode() == 143;
    }

    private static boolean ignoresSigint(long pid) throws IOException {
      for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("SigIgn:")) {
          return (Long.parseLong(line.substring("SigIgn:".length()).trim(), 16) & 0x2) != 0;
        }
      }
      return false;
    }
  }
}
