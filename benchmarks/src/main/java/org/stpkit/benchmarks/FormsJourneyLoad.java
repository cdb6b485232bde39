package org.stpkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of the load run on several instances: {@code users} concurrent users completing
 * the sample form from start to confirmation, again and again, each request sent to the next
 * instance in turn (round-robin, no sticky sessions). A page cycle is what hof's measurement counts:
 * GET a page, POST a valid answer with the CSRF token, GET the page the redirect leads to; sending
 * from check your answers is a cycle too. Every journey's answers carry a token of its own; after the
 * run, the receiver's submissions are checked against the journeys users saw confirmed (a journey
 * under way when the measurement ends is finished, unmeasured, so that it is checked too).
 *
 * <p>{@code java [-Dstp.warmUpMaxSeconds=N] -cp benchmarks.jar org.stpkit.benchmarks.FormsJourneyLoad
 * <base-url,base-url,...> <users> <least warm-up s> <measure s> <receiver port> <jwk set url>} prints one JSON
 * object. The warm-up lasts until the rate settles ({@link WarmUp}).
 */
public final class FormsJourneyLoad {
  private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]*)\"");
  private static final Pattern REFERENCE = Pattern.compile("govuk-panel__body[^>]*>.*?<strong>([^<]+)</strong>", Pattern.DOTALL);
  private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);

  /** A journey a user saw confirmed: its token and reference. */
  record Confirmed(String token, String reference, int user, int journey) {}

  private FormsJourneyLoad() {}

  public static void main(String[] args) throws Exception {
    List<String> servers = List.of(args[0].split(","));
    int users = Integer.parseInt(args[1]);
    int warmUp = Integer.parseInt(args[2]);
    int measure = Integer.parseInt(args[3]);
    int warmUpMax = WarmUp.maxSeconds(warmUp);
    try (SubmissionReceiver receiver = new SubmissionReceiver(Integer.parseInt(args[4]), URI.create(args[5]))) {
      System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(
          run(servers, users, warmUp, warmUpMax, measure, receiver)));
    }
  }

  private static Map<String, Object> run(List<String> servers, int users, int warmUpSeconds, int warmUpMaxSeconds,
      int measureSeconds, SubmissionReceiver receiver) throws Exception {
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    List<Confirmed> confirmed = new CopyOnWriteArrayList<>();
    AtomicLong cyclesDone = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(users, daemon("user"));
    List<Future<long[]>> results = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      // A client per user, as each user is a browser of their own (PlainHttp: why not the JDK's client).
      User user = new User(new PlainHttp(), servers, u, confirmed, cyclesDone);
      results.add(pool.submit(() -> user.loop(measuring, stop)));
    }
    WarmUp.Result warmUp = WarmUp.untilSteady(cyclesDone, warmUpSeconds, warmUpMaxSeconds);
    measuring.set(true);
    long start = System.nanoTime();
    double serverCpuStart = FormsLoad.serverCpuMillis();
    Thread.sleep(measureSeconds * 1000L);
    measuring.set(false);
    double serverCpu = FormsLoad.serverCpuMillis() - serverCpuStart;
    double elapsed = (System.nanoTime() - start) / 1e9;
    stop.set(true);
    List<Long> latencies = new ArrayList<>();
    for (Future<long[]> result : results) {
      Arrays.stream(result.get()).forEach(latencies::add);
    }
    pool.shutdown();
    latencies.sort(Long::compare);

    long drainStart = System.nanoTime();
    long drainDeadline = drainStart + DRAIN_LIMIT.toNanos();
    while (!confirmed.stream().allMatch(c -> receiver.byReference.containsKey(c.reference()))
        && System.nanoTime() < drainDeadline) {
      Thread.sleep(200);
    }
    double drained = (System.nanoTime() - drainStart) / 1e9;

    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("users", users);
    figures.put("instances", servers.size());
    figures.put("cycles", latencies.size());
    figures.put("cycles_per_second", Math.round(latencies.size() / elapsed * 10) / 10.0);
    figures.put("requests_per_second", Math.round(latencies.size() * 3 / elapsed * 10) / 10.0);
    figures.put("p50_ms", FormsLoad.percentile(latencies, 0.50));
    figures.put("p99_ms", FormsLoad.percentile(latencies, 0.99));
    FormsLoad.putServerCpu(figures, serverCpu, latencies.size() * 3L);
    FormsLoad.putWarmUp(figures, warmUp);
    figures.putAll(check(confirmed, receiver));
    figures.put("seconds_to_deliver_the_rest_after_the_run", Math.round(drained * 10) / 10.0);
    return figures;
  }

  /** What the receiver has against what users saw confirmed. */
  private static Map<String, Object> check(List<Confirmed> confirmed, SubmissionReceiver receiver) {
    int notReceived = 0;
    int lostAnswers = 0;
    for (Confirmed journey : confirmed) {
      SubmissionReceiver.Received received = receiver.byReference.get(journey.reference());
      if (received == null) {
        notReceived++;
      } else if (!User.expected(journey).equals(received.answers())) {
        lostAnswers++;
      }
    }
    long duplicates = receiver.referencesByToken.values().stream().filter(references -> references.size() > 1).count();
    long repeats = receiver.byReference.values().stream().mapToLong(r -> r.keys().size() - 1).sum();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("journeys_confirmed", confirmed.size());
    figures.put("submissions_received", receiver.byReference.size());
    figures.put("webhook_requests", receiver.requests.get());
    figures.put("unverified_signatures", receiver.unverified.get());
    figures.put("confirmed_but_not_received", notReceived);
    figures.put("lost_answers", lostAnswers);
    figures.put("duplicate_submissions", duplicates + repeats);
    return figures;
  }

  /** Threads that do not keep the JVM alive once main has printed its figures. */
  static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** One simulated user: journeys one after another, each in a new session, across the instances in turn. */
  private static final class User {
    private final PlainHttp http;
    private final List<String> servers;
    private final int number;
    private final List<Confirmed> confirmed;
    private final AtomicLong cyclesDone;
    private int next;
    private int journey;

    User(PlainHttp http, List<String> servers, int number, List<Confirmed> confirmed, AtomicLong cyclesDone) {
      this.http = http;
      this.servers = servers;
      this.number = number;
      this.confirmed = confirmed;
      this.cyclesDone = cyclesDone;
    }

    long[] loop(AtomicBoolean measuring, AtomicBoolean stop) throws Exception {
      long[] latencies = new long[1 << 20];
      int count = 0;
      while (!stop.get()) {
        journey++;
        http.clearCookies();
        String token = "L-" + number + "-" + journey;
        String path = location(get("/form/", 303));
        get(path, 200);
        // A journey under way when the run stops is finished (unmeasured), so every user's last one is checked too.
        while (path != null) {
          long start = System.nanoTime();
          String page = get(path, 200).body();
          PlainHttp.Response posted = post(path, fields(path, token) + "&csrfToken=" + csrf(page, path), 303);
          String nextPath = location(posted);
          String shown = get(nextPath, 200).body();
          cyclesDone.incrementAndGet();
          if (measuring.get() && count < latencies.length) {
            latencies[count++] = System.nanoTime() - start;
          }
          if (nextPath.endsWith("/confirmation")) {
            Matcher reference = REFERENCE.matcher(shown);
            if (!reference.find()) {
              throw new IllegalStateException("No reference on the confirmation page of journey " + token);
            }
            confirmed.add(new Confirmed(token, reference.group(1).trim(), number, journey));
            path = null;
          } else {
            path = nextPath;
          }
        }
      }
      return Arrays.copyOf(latencies, count);
    }

    /** The answers for a page of the sample form, England route; a page not here stops the run with its name. */
    private String fields(String path, String token) {
      String page = path.substring(path.lastIndexOf('/'));
      return switch (page) {
        case "/full-name" -> form("fullName-given", "U" + number, "fullName-family", "J" + journey);
        case "/date-of-birth" -> form("dateOfBirth-day", "27", "dateOfBirth-month", "3", "dateOfBirth-year", "1990");
        case "/age" -> form("age", "35");
        case "/contact" -> form("email", "u" + number + ".j" + journey + "@example.com", "phone", "");
        case "/address" -> form("address-line1", "1 High Street", "address-town", "London", "address-postcode", "SW1A 1AA");
        case "/country" -> form("country", "england");
        case "/postcode" -> form("postcode", "SW1A 1AA");
        case "/ni-number" -> form("niNumber", "JH 12 34 56 C");
        case "/has-licence" -> form("hasLicence", "no");
        case "/help" -> form("help", "access");
        case "/help-details" -> form("helpDetails", "A ramp, " + token);
        case "/fee" -> form("donation", "12.50");
        case "/licence-name" -> form("licenceName", token);
        case "/check-answers" -> "";
        default -> throw new IllegalStateException("The load client has no answers for page " + path
            + " of the sample form: add them to FormsJourneyLoad.User.fields");
      };
    }

    /** The answers the receiver must have for a journey. */
    static JsonNode expected(Confirmed journey) {
      String token = "L-" + journey.user() + "-" + journey.journey();
      Map<String, Object> answers = new LinkedHashMap<>();
      answers.put("fullName", Map.of("givenName", "U" + journey.user(), "familyName", "J" + journey.journey()));
      answers.put("dateOfBirth", "1990-03-27");
      answers.put("age", 35);
      answers.put("email", "u" + journey.user() + ".j" + journey.journey() + "@example.com");
      answers.put("address", Map.of("line1", "1 High Street", "town", "London", "postcode", "SW1A 1AA"));
      answers.put("country", "england");
      answers.put("postcode", "SW1A 1AA");
      answers.put("niNumber", "JH 12 34 56 C");
      answers.put("hasLicence", false);
      answers.put("help", List.of("access"));
      answers.put("helpDetails", "A ramp, " + token);
      answers.put("donation", new BigDecimal("12.50"));
      answers.put("licenceName", token);
      return SubmissionReceiver.JSON.valueToTree(answers);
    }

    private static String form(String... namesAndValues) {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < namesAndValues.length; i += 2) {
        body.append(i == 0 ? "" : "&").append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
      }
      return body.toString();
    }

    private static String csrf(String html, String path) {
      Matcher token = CSRF.matcher(html);
      if (!token.find()) {
        throw new IllegalStateException("No CSRF token on " + path);
      }
      return token.group(1);
    }

    /** The next instance in turn (round-robin, no sticky sessions). */
    private String url(String path) {
      return servers.get(Math.floorMod(next++, servers.size())) + path;
    }

    private PlainHttp.Response get(String path, int expected) throws Exception {
      return http.get(url(path), expected);
    }

    private PlainHttp.Response post(String path, String body, int expected) throws Exception {
      return http.post(url(path), body, expected);
    }

    private static String location(PlainHttp.Response response) {
      return response.header("location").orElseThrow(() -> new IllegalStateException("303 without Location"));
    }
  }
}
