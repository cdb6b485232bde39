package org.stpkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of the forms load run: {@code users} concurrent users, each with its own cookies
 * and kept-alive connection ({@link PlainHttp}), over real HTTP. A form page cycle is what a user
 * does on a page: GET it, POST a valid answer with the CSRF token, GET the page the redirect leads to. The static run GETs the fixed page in
 * the same loop shape, three requests a cycle. Each run warms up until its rate settles ({@link WarmUp}),
 * then counts cycles for a fixed time; latencies are per cycle.
 *
 * <p>{@code java [-Dstp.warmUpMaxSeconds=N] -cp benchmarks.jar org.stpkit.benchmarks.FormsLoad <base-url> <users>
 * <least warm-up s> <measure s>} prints one JSON object.
 */
public final class FormsLoad {
  private FormsLoad() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int users = Integer.parseInt(args[1]);
    int warmUp = Integer.parseInt(args[2]);
    int measure = Integer.parseInt(args[3]);
    int warmUpMax = WarmUp.maxSeconds(warmUp);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("users", users);
    report.put("warm_up_seconds_at_least", warmUp);
    report.put("warm_up_seconds_at_most", warmUpMax);
    report.put("measure_seconds", measure);
    report.put("static_page", run(users, warmUp, warmUpMax, measure, () -> new StaticUser(base)));
    report.put("form_page_cycle", run(users, warmUp, warmUpMax, measure, () -> new FormUser(base)));
    System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
  }

  /** One simulated user; {@link #cycle()} does one page cycle (three requests). */
  private interface User {
    void cycle() throws Exception;
  }

  private interface UserFactory {
    User create() throws Exception;
  }

  private static Map<String, Object> run(int users, int warmUpSeconds, int warmUpMaxSeconds, int measureSeconds,
      UserFactory factory) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(users);
    AtomicLong cyclesDone = new AtomicLong();
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<long[]>> results = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      User user = factory.create();
      results.add(pool.submit(() -> {
        long[] latencies = new long[1 << 20];
        int count = 0;
        while (!stop.get()) {
          long start = System.nanoTime();
          user.cycle();
          cyclesDone.incrementAndGet();
          if (measuring.get() && count < latencies.length) {
            latencies[count++] = System.nanoTime() - start;
          }
        }
        return Arrays.copyOf(latencies, count);
      }));
    }
    WarmUp.Result warmUp = WarmUp.untilSteady(cyclesDone, warmUpSeconds, warmUpMaxSeconds);
    measuring.set(true);
    long measureStart = System.nanoTime();
    double serverCpuStart = serverCpuMillis();
    Thread.sleep(measureSeconds * 1000L);
    measuring.set(false);
    double serverCpu = serverCpuMillis() - serverCpuStart;
    double elapsed = (System.nanoTime() - measureStart) / 1e9;
    stop.set(true);
    List<Long> all = new ArrayList<>();
    for (Future<long[]> result : results) {
      for (long latency : result.get()) {
        all.add(latency);
      }
    }
    pool.shutdown();
    all.sort(Long::compare);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("cycles", all.size());
    figures.put("cycles_per_second", Math.round(all.size() / elapsed * 10) / 10.0);
    figures.put("requests_per_second", Math.round(all.size() * 3 / elapsed * 10) / 10.0);
    figures.put("p50_ms", percentile(all, 0.50));
    figures.put("p99_ms", percentile(all, 0.99));
    putServerCpu(figures, serverCpu, all.size() * 3L);
    putWarmUp(figures, warmUp);
    return figures;
  }

  /** How long the warm-up before the measured window took, whether the rate had settled, and its curve. */
  static void putWarmUp(Map<String, Object> figures, WarmUp.Result warmUp) {
    figures.put("warm_up_seconds", warmUp.seconds());
    figures.put("warmed_up_to_a_steady_rate", warmUp.steady());
    figures.put("warm_up_cycles_per_second_every_5s", warmUp.cyclesPerSecondEveryStep());
  }

  /**
   * The CPU time the server processes named by {@code -Dstp.serverPids=pid,pid} have used so far, in
   * milliseconds (0 when none are named): CPU a request holds up better than a rate on a shared machine.
   */
  static double serverCpuMillis() {
    double total = 0;
    for (String pid : System.getProperty("stp.serverPids", "").split(",")) {
      if (!pid.isBlank()) {
        total += CpuTime.ofProcess(Long.parseLong(pid.strip()));
      }
    }
    return total;
  }

  /** The servers' CPU over the measured window a request, when their pids were given. */
  static void putServerCpu(Map<String, Object> figures, double serverCpuMillis, long requests) {
    if (!System.getProperty("stp.serverPids", "").isBlank() && requests > 0) {
      figures.put("server_cpu_ms_per_request", Math.round(serverCpuMillis / requests * 1000) / 1000.0);
    }
  }

  /** A latency percentile of sorted nanoseconds, in milliseconds to one decimal. */
  static double percentile(List<Long> sorted, double fraction) {
    if (sorted.isEmpty()) {
      return 0;
    }
    long nanos = sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * fraction)));
    return Math.round(nanos / 1e5) / 10.0;
  }

  /** GETs the static copy of the page, three times a cycle. */
  private static final class StaticUser implements User {
    private final PlainHttp http = new PlainHttp();
    private final String url;

    StaticUser(String base) {
      this.url = base + "/static";
    }

    @Override
    public void cycle() throws Exception {
      for (int i = 0; i < 3; i++) {
        http.get(url, 200);
      }
    }
  }

  /** Answers the first two pages once, then cycles on the age page. */
  private static final class FormUser implements User {
    private final PlainHttp http = new PlainHttp();
    private final String base;

    FormUser(String base) throws Exception {
      this.base = base + "/form";
      http.get(this.base + "/", 303);
      post("/full-name", csrf(http.get(this.base + "/full-name", 200).body()) + "&fullName-given=Jo&fullName-family=Bloggs");
      post("/date-of-birth", csrf(http.get(this.base + "/date-of-birth", 200).body())
          + "&dateOfBirth-day=27&dateOfBirth-month=3&dateOfBirth-year=1990");
    }

    @Override
    public void cycle() throws Exception {
      String page = http.get(base + "/age", 200).body();
      String location = post("/age", csrf(page) + "&age=35");
      http.get("http://" + URI.create(base).getAuthority() + location, 200);
    }

    private String post(String path, String body) throws Exception {
      return http.post(base + path, body, 303).header("location")
          .orElseThrow(() -> new IllegalStateException("POST " + path + " gave a 303 without a Location"));
    }

    private static String csrf(String html) {
      String marker = "name=\"csrfToken\" value=\"";
      int start = html.indexOf(marker) + marker.length();
      return "csrfToken=" + html.substring(start, html.indexOf('"', start));
    }
  }
}
