package org.stpkit.notifysimulator.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.QuietException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.stpkit.notifysimulator.Faults;
import org.stpkit.notifysimulator.RequestKind;
import org.stpkit.notifysimulator.TemplateType;

/**
 * Notify's v2 routes as a Jetty handler, with the faults applied: a request is handled when it
 * arrives; its answer is then written, delayed, held, withheld or replaced by a closed connection.
 * The simulator's own routes under {@code /_simulator} go to {@link InspectionRoutes}, fault-free.
 */
final class NotifyHandler extends Handler.Abstract {
  private static final Pattern SEND = Pattern.compile("^/v2/notifications/(email|sms|letter)$");
  private static final Pattern NOTIFICATION = Pattern.compile("^/v2/notifications/([^/]+)$");
  private static final Pattern TEMPLATE = Pattern.compile("^/v2/template/([^/]+)(/version/[0-9]+)?$");
  private static final Pattern PREVIEW = Pattern.compile("^/v2/template/([^/]+)/preview$");
  private static final Pattern PDF = Pattern.compile("^/v2/notifications/([^/]+)/pdf$");
  // Longer than any client should wait for an answer, short enough that a long demo does not
  // collect connections that nobody holds any more.
  private static final Duration DROPPED_CONNECTION_LIFETIME = Duration.ofMinutes(10);

  private final NotifyApi api;
  private final Faults faults;
  private final HoldGate gate;
  private final InspectionRoutes inspection;
  private final ScheduledExecutorService delays;
  private final Supplier<String> serverUrl;
  private final Arrivals arrivals;

  /** What becomes of a request once handled. */
  private enum Fate { ANSWER, NO_ANSWER, RESET }

  private record Handled(Answer answer, Fate fate) {
    static Handled answer(Answer answer) {
      return new Handled(answer, Fate.ANSWER);
    }
  }

  NotifyHandler(NotifyApi api, Faults faults, HoldGate gate, Arrivals arrivals, InspectionRoutes inspection,
      ScheduledExecutorService delays, Supplier<String> serverUrl) {
    this.api = api;
    this.arrivals = arrivals;
    this.faults = faults;
    this.gate = gate;
    this.inspection = inspection;
    this.delays = delays;
    this.serverUrl = serverUrl;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws IOException {
    String method = request.getMethod();
    String path = Request.getPathInContext(request);
    String body = Content.Source.asString(request, StandardCharsets.UTF_8);
    if (path.startsWith("/_simulator/")) {
      write(response, callback, inspection.answer(method, path, body));
      return true;
    }
    RequestKind kind = kind(method, path);
    arrivals.arrived(kind);
    Handled handled = handleSafely(kind, method, path, request, body);
    switch (handled.fate()) {
      case NO_ANSWER -> leaveOpen(request, callback);
      case RESET -> close(request, callback);
      case ANSWER -> answerLater(kind, request, () -> write(response, callback, handled.answer()));
    }
    return true;
  }

  static RequestKind kind(String method, String path) {
    if (method.equals("POST") && SEND.matcher(path).matches()) {
      return RequestKind.SEND;
    }
    if (method.equals("GET") && path.equals("/v2/notifications")) {
      return RequestKind.LOOKUP;
    }
    if (method.equals("GET") && NOTIFICATION.matcher(path).matches()) {
      return RequestKind.STATUS;
    }
    if (path.startsWith("/v2/template/") || path.equals("/v2/templates")) {
      return RequestKind.TEMPLATE;
    }
    if (path.equals("/v2/received-text-messages")) {
      return RequestKind.RECEIVED_TEXTS;
    }
    return RequestKind.OTHER;
  }

  private Handled handleSafely(RequestKind kind, String method, String path, Request request, String body) {
    try {
      return handle(kind, method, path, request, body);
    } catch (RuntimeException e) {
      return Handled.answer(Answer.error(NotifyError.serverError()));
    }
  }

  private Handled handle(RequestKind kind, String method, String path, Request request, String body) {
    Authentication authentication = api.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
    if (authentication instanceof Authentication.Refused refused) {
      return Handled.answer(Answer.error(refused.error()));
    }
    NotifyApi.Caller caller = api.caller((Authentication.Authenticated) authentication);
    String baseUrl = baseUrl(request);
    Matcher matcher;
    return switch (kind) {
      case SEND -> {
        matcher = SEND.matcher(path);
        matcher.matches();
        yield send(caller, TemplateType.valueOf(matcher.group(1).toUpperCase(Locale.ROOT)), body, baseUrl);
      }
      case LOOKUP -> Handled.answer(api.lookup(caller, query(request), baseUrl));
      case STATUS -> {
        matcher = NOTIFICATION.matcher(path);
        matcher.matches();
        yield Handled.answer(api.status(caller, matcher.group(1), baseUrl));
      }
      case TEMPLATE -> {
        if (method.equals("GET") && (matcher = TEMPLATE.matcher(path)).matches()) {
          yield Handled.answer(api.template(caller, matcher.group(1)));
        }
        if (method.equals("POST") && (matcher = PREVIEW.matcher(path)).matches()) {
          yield Handled.answer(api.preview(caller, matcher.group(1), body));
        }
        yield Handled.answer(notFound());
      }
      case RECEIVED_TEXTS -> Handled.answer(method.equals("GET") ? api.receivedTexts(caller, query(request), baseUrl)
          : notFound());
      case OTHER -> {
        if (method.equals("GET") && (matcher = PDF.matcher(path)).matches()) {
          yield Handled.answer(api.pdf(caller, matcher.group(1)));
        }
        yield Handled.answer(notFound());
      }
    };
  }

  private Handled send(NotifyApi.Caller caller, TemplateType type, String body, String baseUrl) {
    double roll = ThreadLocalRandom.current().nextDouble();
    if (roll < faults.serverErrorRate()) {
      return Handled.answer(Answer.error(NotifyError.serverError()));
    }
    if (roll < faults.serverErrorRate() + faults.rateLimitRate()) {
      return Handled.answer(Answer.error(new NotifyError(429, "RateLimitError",
          "Exceeded rate limit for key type " + caller.key().type() + " of 3000 requests per 60 seconds")));
    }
    Answer answer = api.send(caller, type, body, baseUrl);
    if (answer.status() != 201) {
      return Handled.answer(answer);
    }
    // Accepted and stored; the client may still hear nothing: the case it must look up by reference.
    double after = ThreadLocalRandom.current().nextDouble();
    if (after < faults.dropAfterAcceptRate()) {
      return new Handled(answer, Fate.NO_ANSWER);
    }
    if (after < faults.dropAfterAcceptRate() + faults.resetAfterAcceptRate()) {
      return new Handled(answer, Fate.RESET);
    }
    return Handled.answer(answer);
  }

  /** Writes the answer after the kind's latency, once requests of its kind are not held. */
  private void answerLater(RequestKind kind, Request request, Runnable write) {
    Duration latency = faults.latency(kind);
    boolean deferred = !latency.isZero() || faults.holds(kind);
    if (deferred) {
      // A held or slow answer is waited for however long the connection is idle.
      request.addIdleTimeoutListener(timeout -> false);
    }
    Runnable delayed = latency.isZero() ? write
        : () -> delays.schedule(write, latency.toNanos(), TimeUnit.NANOSECONDS);
    gate.answer(kind, delayed);
  }

  /** No answer: the connection stays open until the client gives up (or long after). */
  private static void leaveOpen(Request request, Callback callback) {
    long closeAt = System.nanoTime() + DROPPED_CONNECTION_LIFETIME.toNanos();
    request.addIdleTimeoutListener(timeout -> {
      if (System.nanoTime() - closeAt >= 0) {
        close(request, callback);
      }
      return false;
    });
  }

  /** The connection closed with no answer. */
  private static void close(Request request, Callback callback) {
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    endPoint.close();
    callback.failed(new ClosedWithoutAnswer());
  }

  /** Quiet: Jetty logs a failed request's cause unless it is a QuietException, and this one is on purpose. */
  private static final class ClosedWithoutAnswer extends IOException implements QuietException {
    private static final long serialVersionUID = 1L;

    ClosedWithoutAnswer() {
      super("connection closed by the simulator without an answer", null);
    }
  }

  private static void write(Response response, Callback callback, Answer answer) {
    response.setStatus(answer.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
  }

  /** Links in answers point where the client reached the simulator, as Notify's point at Notify. */
  private String baseUrl(Request request) {
    HttpURI uri = request.getHttpURI();
    return uri.getAuthority() == null || uri.getAuthority().isEmpty()
        ? serverUrl.get() : uri.getScheme() + "://" + uri.getAuthority();
  }

  private static Map<String, List<String>> query(Request request) {
    Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (Fields.Field field : fields) {
      query.put(field.getName(), field.getValues());
    }
    return query;
  }

  static Answer notFound() {
    return Answer.error(NotifyError.noRoute());
  }
}
