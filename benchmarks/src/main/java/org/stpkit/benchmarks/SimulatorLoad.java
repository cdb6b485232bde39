package org.stpkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.stpkit.notifysimulator.ApiKey;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;

/**
 * How many sends a second the Notify simulator takes from a client in another process, beside the
 * anchor: the same client against a bare Jetty (the simulator's connector settings) that reads each
 * request and answers a fixed 201 of the same size without any Notify work. The ratio is the share
 * of HTTP's own rate the simulator keeps with JWT checks, JSON parsing, rules and storage.
 *
 * <p>{@code java -cp benchmarks.jar org.stpkit.benchmarks.SimulatorLoad <seconds> <clients>}: each
 * server runs in its own JVM, started from the same jar; {@code clients} threads send text
 * messages as fast as the answers come, each request with a freshly signed JWT (as the adapter's),
 * for 5 seconds of warm-up and then {@code seconds} measured. Prints JSON.
 */
public final class SimulatorLoad {
  private static final String TEMPLATE = "2b8e7c32-6d9a-4eaf-9c43-5a7b9d1f3e03";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SimulatorLoad() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("serve")) {
      serve(args[1]);
      return;
    }
    int seconds = Integer.parseInt(args[0]);
    int clients = Integer.parseInt(args[1]);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("what", "text-message sends from " + clients + " client threads (JDK HttpClient, HTTP/1.1, a new JWT each)"
        + " to a server in another JVM on 127.0.0.1; 5 s warm-up, " + seconds + " s measured");
    report.put("load_average_before", loadAverage());
    Map<String, Object> bare = run("bare", seconds, clients);
    Map<String, Object> simulator = run("simulator", seconds, clients);
    report.put("anchor_bare_jetty", bare);
    report.put("notify_simulator", simulator);
    report.put("ratio_simulator_to_bare", Math.round((double) simulator.get("sends_per_second")
        / (double) bare.get("sends_per_second") * 100) / 100.0);
    report.put("load_average_after", loadAverage());
    System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
  }

  private static Map<String, Object> run(String server, int seconds, int clients) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // SERVER_JAVA_OPTIONS: options for the servers' JVMs only, such as a profiler or a heap size.
    String options = System.getenv().getOrDefault("SERVER_JAVA_OPTIONS", "").strip();
    if (!options.isEmpty()) {
      command.addAll(List.of(options.split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SimulatorLoad.class.getName(), "serve", server));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintStream in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8)) {
      String line = out.readLine();
      // A profiler given in SERVER_JAVA_OPTIONS may say something first.
      while (line != null && !line.startsWith("http://")) {
        line = out.readLine();
      }
      if (line == null) {
        throw new IllegalStateException("The " + server + " server ended before it listened");
      }
      String[] started = line.split(" ");
      String baseUrl = started[0];
      String serviceId = started[1];
      String secret = started[2];
      Load load = new Load(baseUrl, serviceId, secret, clients);
      Load.Result warmUp = load.run(5);
      Load.Result result = load.run(seconds);
      in.println("count");
      long stored = Long.parseLong(out.readLine());
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("sends_per_second", Math.round(result.ok() / result.seconds() * 10) / 10.0);
      figures.put("answered_201", result.ok());
      figures.put("other_answers", result.other());
      figures.put("p50_ms", result.percentile(0.50));
      figures.put("p99_ms", result.percentile(0.99));
      if (server.equals("simulator")) {
        figures.put("answered_201_with_warm_up", warmUp.ok() + result.ok());
        figures.put("notifications_stored", stored);
      }
      return figures;
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  /** The client side: threads sending as fast as answers come. */
  private static final class Load {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI sendUri;
    private final String serviceId;
    private final String secret;
    private final int clients;
    private final AtomicLong sequence = new AtomicLong();

    record Result(long ok, long other, double seconds, long[] micros) {
      double percentile(double share) {
        return micros.length == 0 ? 0 : micros[(int) Math.min(micros.length - 1, Math.floor(micros.length * share))] / 1000.0;
      }
    }

    Load(String baseUrl, String serviceId, String secret, int clients) {
      this.sendUri = URI.create(baseUrl + "/v2/notifications/sms");
      this.serviceId = serviceId;
      this.secret = secret;
      this.clients = clients;
    }

    Result run(int seconds) throws Exception {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong ok = new AtomicLong();
      AtomicLong other = new AtomicLong();
      List<long[]> latencies = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        long[] mine = new long[500_000];
        latencies.add(mine);
        int index = i;
        Thread thread = new Thread(() -> {
          int n = 0;
          Mac mac = mac(secret);
          while (!stop.get()) {
            long start = System.nanoTime();
            try {
              HttpResponse<Void> response = http.send(request(mac), HttpResponse.BodyHandlers.discarding());
              (response.statusCode() == 201 ? ok : other).incrementAndGet();
            } catch (Exception e) {
              other.incrementAndGet();
            }
            if (n < mine.length - 1) {
              mine[++n] = (System.nanoTime() - start) / 1000;
            }
          }
          mine[0] = n;
        }, "client-" + index);
        threads.add(thread);
      }
      long started = System.nanoTime();
      threads.forEach(Thread::start);
      Thread.sleep(seconds * 1000L);
      stop.set(true);
      for (Thread thread : threads) {
        thread.join();
      }
      double elapsed = (System.nanoTime() - started) / 1e9;
      int total = 0;
      for (long[] mine : latencies) {
        total += (int) mine[0];
      }
      long[] all = new long[total];
      int at = 0;
      for (long[] mine : latencies) {
        System.arraycopy(mine, 1, all, at, (int) mine[0]);
        at += (int) mine[0];
      }
      java.util.Arrays.sort(all);
      return new Result(ok.get(), other.get(), elapsed, all);
    }

    private HttpRequest request(Mac mac) {
      String body = "{\"template_id\": \"" + TEMPLATE + "\", \"phone_number\": \"07700 900 123\", \"reference\": \"load-"
          + sequence.incrementAndGet() + "\", \"personalisation\": {\"reference\": \"HO-" + sequence.get() + "\"}}";
      return HttpRequest.newBuilder(sendUri).header("Authorization", "Bearer " + token(mac))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private String token(Mac mac) {
      Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
      String header = base64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
      String claims = base64.encodeToString(("{\"iss\":\"" + serviceId + "\",\"iat\":" + System.currentTimeMillis() / 1000 + "}")
          .getBytes(StandardCharsets.UTF_8));
      String signed = header + "." + claims;
      return signed + "." + base64.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
    }

    private static Mac mac(String secret) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac;
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The server side, in its own JVM: prints {@code baseUrl serviceId secret}, answers "count" lines, ends with stdin. */
  private static void serve(String kind) throws Exception {
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (kind.equals("simulator")) {
      SimulatedTemplate template = new SimulatedTemplate(TEMPLATE, TemplateType.SMS, "Decision made (text)",
          Optional.empty(), "A decision has been made on your application ((reference)). Sign in to see it.", 1);
      SimulatorConfig config = SimulatorConfig.withTemplates(List.of(template)).withRateLimitPerMinute(100_000_000)
          .withDailyLimits(new SimulatorConfig.DailyLimits(1, 100_000_000, 1));
      try (NotifySimulator notify = NotifySimulator.start(config)) {
        ApiKey live = config.apiKeys().stream().filter(key -> key.type() == KeyType.LIVE).findFirst().orElseThrow();
        System.out.println(notify.baseUrl() + " " + config.serviceId() + " " + live.secret());
        System.out.flush();
        for (String line; (line = commands.readLine()) != null; ) {
          System.out.println(notify.notifications().size());
          System.out.flush();
        }
      }
      return;
    }
    byte[] fixed = ("{\"id\":\"" + UUID.randomUUID() + "\",\"reference\":\"load-1\",\"content\":{\"body\":\"A decision has been"
        + " made on your application HO-1. Sign in to see it.\",\"from_number\":\"GOVUK\"},\"uri\":\"http://127.0.0.1:1/v2/"
        + "notifications/" + UUID.randomUUID() + "\",\"template\":{\"id\":\"" + TEMPLATE + "\",\"version\":1,\"uri\":"
        + "\"http://127.0.0.1:1/v2/template/" + TEMPLATE + "/version/1\"},\"scheduled_for\":null}").getBytes(StandardCharsets.UTF_8);
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setAcceptedTcpNoDelay(true);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Content.Source.asString(request, StandardCharsets.UTF_8);
        response.setStatus(201);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, fixed.length);
        response.write(true, ByteBuffer.wrap(fixed), callback);
        return true;
      }
    });
    server.start();
    System.out.println("http://127.0.0.1:" + connector.getLocalPort() + " " + UUID.randomUUID() + " " + UUID.randomUUID());
    System.out.flush();
    for (String line; (line = commands.readLine()) != null; ) {
      System.out.println(0);
      System.out.flush();
    }
    server.stop();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
