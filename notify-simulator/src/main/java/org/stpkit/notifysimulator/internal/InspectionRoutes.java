package org.stpkit.notifysimulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stpkit.notifysimulator.Faults;
import org.stpkit.notifysimulator.RequestKind;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatedService;
import org.stpkit.notifysimulator.SimulatorException;

/**
 * The simulator's own routes, for tests and demos in other processes: {@code GET notifications},
 * {@code POST reset}, {@code GET requests} (how many of each kind arrived since the start or the last
 * reset), {@code GET} and {@code POST faults}, {@code POST received-text-messages} (a
 * text arrives) and {@code GET files/{id}} (a file sent by email, where its link points) under
 * {@code /_simulator}.
 */
final class InspectionRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILES = "/_simulator/files/";
  private static final Set<String> TEXT_SETTINGS = Set.of("service", "from", "content");
  private static final Set<String> FAULT_SETTINGS = Set.of("latencyMillis", "latencyMillisByKind", "serverErrorRate",
      "rateLimitRate", "dropAfterAcceptRate", "resetAfterAcceptRate", "hold");

  private final NotifyApi api;
  private final Faults faults;
  private final HoldGate gate;
  private final Arrivals arrivals;

  InspectionRoutes(NotifyApi api, Faults faults, HoldGate gate, Arrivals arrivals) {
    this.api = api;
    this.faults = faults;
    this.gate = gate;
    this.arrivals = arrivals;
  }

  Answer answer(String method, String path, String body) {
    if (method.equals("GET") && path.equals("/_simulator/notifications")) {
      ArrayNode list = JSON.createArrayNode();
      for (SimulatedNotification notification : api.notifications()) {
        list.add(JSON.valueToTree(view(notification)));
      }
      return Answer.json(200, list);
    }
    if (method.equals("POST") && path.equals("/_simulator/reset")) {
      api.reset();
      arrivals.forget();
      faults.clear();
      return Answer.json(200, JSON.createObjectNode().put("reset", true));
    }
    if (method.equals("GET") && path.equals("/_simulator/requests")) {
      ObjectNode counts = JSON.createObjectNode();
      for (RequestKind kind : RequestKind.values()) {
        counts.put(wireName(kind), arrivals.count(kind));
      }
      return Answer.json(200, counts);
    }
    if (method.equals("POST") && path.equals("/_simulator/received-text-messages")) {
      return receiveText(body);
    }
    if (method.equals("GET") && path.startsWith(FILES)) {
      return api.file(path.substring(FILES.length()))
          .map(file -> new Answer(200, EmailFileUploads.contentType(file.filename(), file.content()), file.content()))
          .orElseGet(() -> Answer.error(NotifyError.noResult()));
    }
    if (method.equals("GET") && path.equals("/_simulator/faults")) {
      return Answer.json(200, faultsView());
    }
    if (method.equals("POST") && path.equals("/_simulator/faults")) {
      try {
        setFaults(body);
      } catch (IllegalArgumentException e) {
        return Answer.error(NotifyError.validation(e.getMessage()));
      }
      return Answer.json(200, faultsView());
    }
    return NotifyHandler.notFound();
  }

  /** {@code {"service": "default", "from": "07700900123", "content": "STOP"}}: the service is optional. */
  private Answer receiveText(String body) {
    JsonNode text;
    try {
      text = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Answer.error(NotifyError.validation("A received text is a JSON object: " + e.getOriginalMessage()));
    }
    if (text == null || !text.isObject()) {
      return Answer.error(NotifyError.validation(
          "A received text is a JSON object, such as {\"from\": \"07700900123\", \"content\": \"STOP\"}"));
    }
    for (Iterator<String> names = text.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!TEXT_SETTINGS.contains(name)) {
        return Answer.error(NotifyError.validation("Unknown setting '" + name + "'; settings: service, from, content"));
      }
    }
    for (String field : List.of("from", "content")) {
      if (!text.path(field).isTextual() || text.path(field).asText().isBlank()) {
        return Answer.error(NotifyError.validation(field + " is missing: give it as text"));
      }
    }
    String service = text.path("service").asText(SimulatedService.DEFAULT);
    try {
      ServiceState.ReceivedText received = api.receiveText(service, text.path("from").asText(),
          text.path("content").asText());
      return Answer.json(201, NotifyJson.receivedTexts(List.of(received), "").path("received_text_messages").get(0));
    } catch (SimulatorException e) {
      return Answer.error(NotifyError.validation("service: " + e.getMessage()));
    }
  }

  /** Replaces every fault with the settings given; a setting left out is off, a kind not held is released. */
  private void setFaults(String body) {
    JsonNode settings;
    try {
      settings = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("The faults must be a JSON object: " + e.getOriginalMessage());
    }
    if (settings == null || !settings.isObject()) {
      throw new IllegalArgumentException("The faults must be a JSON object, such as {\"serverErrorRate\": 0.1}");
    }
    for (Iterator<String> names = settings.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FAULT_SETTINGS.contains(name)) {
        throw new IllegalArgumentException("Unknown fault '" + name + "'; faults: " + String.join(", ", FAULT_SETTINGS.stream().sorted().toList()));
      }
    }
    if (settings.has("latencyMillisByKind") && !settings.get("latencyMillisByKind").isObject()) {
      throw new IllegalArgumentException("latencyMillisByKind must be an object, such as {\"lookup\": 200}");
    }
    if (settings.has("hold") && !settings.get("hold").isArray()) {
      throw new IllegalArgumentException("hold must be a list of kinds of request, such as [\"send\"]");
    }
    Map<RequestKind, Duration> latencies = new LinkedHashMap<>();
    settings.path("latencyMillisByKind").fields().forEachRemaining(entry ->
        latencies.put(kind(entry.getKey(), "latencyMillisByKind"), millis(entry.getValue(), "latencyMillisByKind." + entry.getKey())));
    if (settings.has("latencyMillis")) {
      if (latencies.containsKey(RequestKind.SEND)) {
        throw new IllegalArgumentException("Give latencyMillis or latencyMillisByKind.send, not both");
      }
      latencies.put(RequestKind.SEND, millis(settings.get("latencyMillis"), "latencyMillis"));
    }
    Set<RequestKind> hold = java.util.EnumSet.noneOf(RequestKind.class);
    for (JsonNode kind : settings.path("hold")) {
      hold.add(kind(kind.asText(), "hold"));
    }
    double serverError = rate(settings, "serverErrorRate");
    double rateLimit = rate(settings, "rateLimitRate");
    double drop = rate(settings, "dropAfterAcceptRate");
    double reset = rate(settings, "resetAfterAcceptRate");
    // Every setting is checked before any is applied: a bad request changes nothing.
    faults.serverErrorRate(serverError).rateLimitRate(rateLimit).dropAfterAcceptRate(drop).resetAfterAcceptRate(reset);
    for (RequestKind kind : RequestKind.values()) {
      faults.latency(kind, latencies.getOrDefault(kind, Duration.ZERO));
      if (hold.contains(kind)) {
        faults.hold(kind);
      } else {
        faults.release(kind);
      }
    }
  }

  private ObjectNode faultsView() {
    ObjectNode view = JSON.createObjectNode();
    view.put("latencyMillis", faults.latency().toMillis());
    ObjectNode byKind = view.putObject("latencyMillisByKind");
    ArrayNode hold = view.putArray("hold");
    ObjectNode held = view.putObject("held");
    for (RequestKind kind : RequestKind.values()) {
      byKind.put(wireName(kind), faults.latency(kind).toMillis());
      if (faults.holds(kind)) {
        hold.add(wireName(kind));
      }
      held.put(wireName(kind), gate.count(kind));
    }
    view.put("serverErrorRate", faults.serverErrorRate());
    view.put("rateLimitRate", faults.rateLimitRate());
    view.put("dropAfterAcceptRate", faults.dropAfterAcceptRate());
    view.put("resetAfterAcceptRate", faults.resetAfterAcceptRate());
    return view;
  }

  private static String wireName(RequestKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private static RequestKind kind(String name, String field) {
    for (RequestKind kind : RequestKind.values()) {
      if (wireName(kind).equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(field + ": '" + name
        + "' is not a kind of request; kinds: send, lookup, status, template, received_texts, other");
  }

  private static Duration millis(JsonNode value, String field) {
    if (!value.canConvertToLong() || value.asLong() < 0) {
      throw new IllegalArgumentException(field + " must be a whole number of milliseconds, 0 or more, not " + value);
    }
    return Duration.ofMillis(value.asLong());
  }

  private static double rate(JsonNode settings, String field) {
    JsonNode value = settings.path(field);
    if (value.isMissingNode()) {
      return 0;
    }
    if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
      throw new IllegalArgumentException(field + " must be a number from 0 to 1, not " + value);
    }
    return value.asDouble();
  }

  private static Map<String, Object> view(SimulatedNotification notification) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", notification.id());
    view.put("service", notification.service());
    view.put("reference", notification.reference().orElse(null));
    view.put("type", notification.type().apiName());
    view.put("template_id", notification.templateId());
    view.put("key_type", notification.keyType().name().toLowerCase(Locale.ROOT));
    view.put("recipient", notification.recipient());
    view.put("personalisation", notification.personalisation());
    view.put("subject", notification.subject().orElse(null));
    view.put("body", notification.body());
    view.put("status", notification.status().apiName());
    view.put("created_at", notification.createdAt().toString());
    view.put("email_reply_to_id", notification.emailReplyToId().orElse(null));
    view.put("sms_sender_id", notification.smsSenderId().orElse(null));
    view.put("one_click_unsubscribe_url", notification.oneClickUnsubscribeUrl().orElse(null));
    view.put("postage", notification.postage().orElse(null));
    Map<String, Object> files = new LinkedHashMap<>();
    notification.files().forEach((placeholder, file) -> {
      Map<String, Object> fileView = new LinkedHashMap<>();
      fileView.put("filename", file.filename().orElse(null));
      fileView.put("bytes", file.content().length);
      fileView.put("confirm_email_before_download", file.confirmEmailBeforeDownload());
      fileView.put("retention_weeks", file.retentionWeeks());
      fileView.put("link", file.link());
      files.put(placeholder, fileView);
    });
    view.put("files", files);
    view.put("letter_pdf_bytes", notification.letterPdf().map(pdf -> pdf.length).orElse(null));
    return view;
  }
}
