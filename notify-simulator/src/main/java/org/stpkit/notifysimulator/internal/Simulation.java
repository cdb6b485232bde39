package org.stpkit.notifysimulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.stpkit.notifysimulator.ApiKey;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;
import org.stpkit.notifyrules.Recipients;
import org.stpkit.notifyrules.Refusal;

/**
 * The simulated Notify service: its rules for sends, its stored notifications and their statuses.
 * Framework-free, thread-safe (one lock), and driven by a clock so tests can move time.
 */
final class Simulation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final int PAGE_SIZE = 250;
  private static final Map<TemplateType, Set<String>> ALLOWED = Map.of(
      TemplateType.EMAIL, Set.of("template_id", "email_address", "personalisation", "reference", "email_reply_to_id",
          "one_click_unsubscribe_url", "scheduled_for"),
      TemplateType.SMS, Set.of("template_id", "phone_number", "personalisation", "reference", "sms_sender_id",
          "scheduled_for"),
      TemplateType.LETTER, Set.of("template_id", "personalisation", "reference", "postage"));
  private static final Map<TemplateType, String> RECIPIENT_FIELD = Map.of(
      TemplateType.EMAIL, "email_address", TemplateType.SMS, "phone_number");

  private final SimulatorConfig config;
  private final Clock clock;
  private final Consumer<ObjectNode> receipts;
  private final Jwt jwt;
  // Every notification in the order accepted (its position is its index), by id and by reference:
  // the adapter looks messages up by reference, and a page starts from an id, at any volume.
  private final List<Stored> notifications = new ArrayList<>();
  private final Map<String, Stored> byId = new HashMap<>();
  private final Map<String, List<Stored>> byReference = new HashMap<>();
  // Live and team messages not yet at a final status, oldest first: the only ones a tick visits.
  private final Deque<Stored> pending = new ArrayDeque<>();
  private final Map<KeyType, Deque<Instant>> recentSends = new EnumMap<>(KeyType.class);
  private final Map<TemplateType, Integer> sentToday = new EnumMap<>(TemplateType.class);
  private LocalDate today;

  /**
   * A stored notification; its status changes, guarded by the simulation's lock. The subject and body
   * are not kept but filled from the template when read: most messages are never read back, and a
   * filled body is most of a message's size.
   */
  private static final class Stored {
    final int position;
    final String id;
    final @Nullable String reference;
    final TemplateType type;
    final SimulatedTemplate template;
    final KeyType keyType;
    final String recipient;
    final List<String> addressLines;
    final Map<String, Object> personalisation;
    final String postage;
    final Instant createdAt;
    String status;
    @Nullable Instant sentAt;
    @Nullable Instant completedAt;

    Stored(int position, String id, @Nullable String reference, TemplateType type, SimulatedTemplate template,
        KeyType keyType, String recipient, List<String> addressLines, Map<String, Object> personalisation,
        String postage, Instant createdAt, String status) {
      this.position = position;
      this.id = id;
      this.reference = reference;
      this.type = type;
      this.template = template;
      this.keyType = keyType;
      this.recipient = recipient;
      this.addressLines = addressLines;
      this.personalisation = personalisation;
      this.postage = postage;
      this.createdAt = createdAt;
      this.status = status;
    }

    @Nullable String subject() {
      return template.subject().map(subject -> Placeholders.fill(subject, personalisation)).orElse(null);
    }

    String body() {
      return Placeholders.fill(template.body(), personalisation);
    }
  }

  /** An answer: status code and JSON body. */
  public record Answer(int status, JsonNode body) {}

  /** Thrown inside to answer with one of Notify's errors. */
  private static final class Refused extends Exception {
    final int status;
    final String error;

    Refused(int status, String error, String message) {
      super(message, null, false, false);
      this.status = status;
      this.error = error;
    }
  }

  Simulation(SimulatorConfig config, Clock clock, Consumer<ObjectNode> receipts) {
    this.config = config;
    this.clock = clock;
    this.receipts = receipts;
    this.jwt = new Jwt(config.serviceId(), config.apiKeys());
    this.today = LocalDate.now(clock);
  }

  /** The key a request's Authorization header proves, or Notify's AuthError. */
  public Either authenticate(@Nullable String authorization) {
    Jwt.Outcome outcome = jwt.check(authorization, clock.instant());
    return outcome.key().map(key -> new Either(Optional.of(key), null))
        .orElseGet(() -> new Either(Optional.empty(), error(outcome.status(), "AuthError", outcome.message())));
  }

  /** A key, or the answer refusing the request. */
  public record Either(Optional<ApiKey> key, @Nullable Answer refusal) {}

  public static Answer error(int status, String error, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("status_code", status);
    ObjectNode item = body.putArray("errors").addObject();
    item.put("error", error);
    item.put("message", message);
    return new Answer(status, body);
  }

  /** POST /v2/notifications/{type}. */
  public Answer send(ApiKey key, TemplateType type, String requestBody, String baseUrl) {
    try {
      synchronized (this) {
        checkRateLimit(key.type());
      }
      JsonNode request = parseObject(requestBody);
      for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!ALLOWED.get(type).contains(name)) {
          throw new Refused(400, "ValidationError", "Additional properties are not allowed (" + name + " was unexpected)");
        }
      }
      String templateId = requiredText(request, "template_id");
      if (!isUuid(templateId)) {
        throw new Refused(400, "ValidationError", "template_id is not a valid UUID");
      }
      String recipientField = RECIPIENT_FIELD.get(type);
      String recipient = recipientField == null ? "" : requiredText(request, recipientField);
      Map<String, Object> personalisation = personalisation(request);
      String reference = request.hasNonNull("reference") ? request.get("reference").asText() : null;
      if (reference != null && reference.length() > 1000) {
        throw new Refused(400, "ValidationError", "reference is too long");
      }
      SimulatedTemplate template = config.templates().stream().filter(t -> t.id().equals(templateId)).findFirst()
          .orElseThrow(() -> new Refused(400, "BadRequestError", "Template not found"));
      if (template.type() != type) {
        throw new Refused(400, "BadRequestError",
            template.type().apiName() + " template is not suitable for " + type.apiName() + " notification");
      }
      List<String> addressLines = List.of();
      if (type == TemplateType.EMAIL) {
        Optional<Refusal> refusal = Recipients.email(recipient).refusal();
        if (refusal.isPresent()) {
          throw new Refused(400, "ValidationError", "email_address " + refusal.get().notifyMessage());
        }
      }
      if (type == TemplateType.SMS) {
        Optional<Refusal> refusal = Recipients.ukMobile(recipient).refusal();
        if (refusal.isPresent()) {
          throw new Refused(400, "ValidationError", "phone_number " + refusal.get().notifyMessage());
        }
      }
      if (type == TemplateType.LETTER) {
        if (key.type() == KeyType.TEAM) {
          throw new Refused(400, "BadRequestError", "Cannot send letters with a team api key");
        }
        addressLines = addressLines(personalisation);
        Optional<Refusal> refusal = Recipients.letterAddress(addressLines).refusal();
        if (refusal.isPresent()) {
          throw new Refused(400, "ValidationError", refusal.get().notifyMessage());
        }
        recipient = addressLines.get(0);
      }
      if (key.type() == KeyType.TEAM && !isTeamMember(type, recipient)) {
        throw new Refused(400, "BadRequestError", "Can’t send to this recipient using a team-only API key");
      }
      List<String> missing = new ArrayList<>();
      for (String name : Placeholders.names(template.subject().orElse(""), template.body())) {
        if (Placeholders.find(personalisation, name) == null) {
          missing.add(name);
        }
      }
      if (!missing.isEmpty()) {
        throw new Refused(400, "BadRequestError", "Missing personalisation: " + String.join(", ", missing));
      }
      String postage = request.path("postage").asText("second");
      if (type == TemplateType.LETTER && !Set.of("first", "second", "economy", "europe", "rest-of-world").contains(postage)) {
        throw new Refused(400, "ValidationError", "postage invalid. It must be first, second, economy, europe or rest-of-world.");
      }
      Stored stored;
      synchronized (this) {
        countDaily(key.type(), type);
        Instant now = clock.instant();
        stored = new Stored(notifications.size(), randomUuid(), reference, type, template, key.type(),
            recipient, addressLines, personalisation, postage, now, type == TemplateType.LETTER ? "accepted" : "created");
        notifications.add(stored);
        byId.put(stored.id, stored);
        if (reference != null) {
          byReference.computeIfAbsent(reference, r -> new ArrayList<>(1)).add(stored);
        }
        recentSends.computeIfAbsent(key.type(), k -> new ArrayDeque<>()).addLast(now);
        advance(stored, now);
        if (!isFinal(stored.status)) {
          pending.addLast(stored);
        }
      }
      return new Answer(201, sendResponse(stored, baseUrl));
    } catch (Refused refused) {
      return error(refused.status, refused.error, refused.getMessage());
    }
  }

  /** GET /v2/notifications/{id}. */
  public synchronized Answer get(ApiKey key, String id, String baseUrl) {
    if (!isUuid(id)) {
      return error(400, "ValidationError", "notification_id is not a valid UUID");
    }
    Stored stored = byId.get(id);
    if (stored == null || !visibleTo(key, stored)) {
      return error(404, "NoResultFound", "No result found");
    }
    advance(stored, clock.instant());
    return new Answer(200, notificationJson(stored, baseUrl));
  }

  /** GET /v2/notifications?template_type=&status=&reference=&older_than=. */
  public synchronized Answer list(ApiKey key, Map<String, List<String>> query, String baseUrl) {
    Instant now = clock.instant();
    Optional<String> templateType = first(query, "template_type");
    List<String> statuses = query.getOrDefault("status", List.of());
    Optional<String> reference = first(query, "reference");
    Optional<String> olderThan = first(query, "older_than");
    if (templateType.isPresent() && Set.of("email", "sms", "letter").stream().noneMatch(templateType.get()::equals)) {
      return error(400, "ValidationError", "template_type " + templateType.get() + " is not one of [sms, email, letter]");
    }
    // With a reference, only that reference's messages are read, however many there are in all.
    List<Stored> candidates = reference.isPresent()
        ? byReference.getOrDefault(reference.get(), List.of()) : notifications;
    int start = candidates.size() - 1;
    if (olderThan.isPresent()) {
      Stored from = byId.get(olderThan.get());
      start = from == null ? -1 : olderThan(candidates, from.position);
    }
    ArrayNode page = JSON.createArrayNode();
    String lastId = null;
    boolean more = false;
    for (int i = start; i >= 0; i--) {
      Stored stored = candidates.get(i);
      if (!visibleTo(key, stored)) {
        continue;
      }
      advance(stored, now);
      if (templateType.isPresent() && !stored.type.apiName().equals(templateType.get())) {
        continue;
      }
      if (reference.isPresent() && !reference.get().equals(stored.reference)) {
        continue;
      }
      if (!statuses.isEmpty() && statuses.stream().noneMatch(status -> statusMatches(status, stored.status))) {
        continue;
      }
      if (page.size() == PAGE_SIZE) {
        more = true;
        break;
      }
      page.add(notificationJson(stored, baseUrl));
      lastId = stored.id;
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("notifications", page);
    ObjectNode links = body.putObject("links");
    String filters = filters(templateType, statuses, reference);
    links.put("current", baseUrl + "/v2/notifications" + (filters.isEmpty() ? "" : "?" + filters.substring(1)));
    if (more) {
      links.put("next", baseUrl + "/v2/notifications?older_than=" + lastId + filters);
    }
    return new Answer(200, body);
  }

  /** GET /v2/template/{id}. */
  public Answer template(String id) {
    if (!isUuid(id)) {
      return error(400, "ValidationError", "id is not a valid UUID");
    }
    Optional<SimulatedTemplate> template = config.templates().stream().filter(t -> t.id().equals(id)).findFirst();
    if (template.isEmpty()) {
      return error(404, "NoResultFound", "No result found");
    }
    SimulatedTemplate t = template.get();
    ObjectNode body = JSON.createObjectNode();
    body.put("id", t.id());
    body.put("name", t.name());
    body.put("type", t.type().apiName());
    body.put("created_at", TIMESTAMP.format(Instant.EPOCH));
    body.putNull("updated_at");
    body.put("created_by", "simulator@notifications.service.gov.uk");
    body.put("version", t.version());
    body.put("body", t.body());
    if (t.subject().isPresent()) {
      body.put("subject", t.subject().get());
    } else {
      body.putNull("subject");
    }
    body.putNull("letter_contact_block");
    ObjectNode placeholders = body.putObject("personalisation");
    for (String name : Placeholders.names(t.subject().orElse(""), t.body())) {
      placeholders.putObject(name).put("required", true);
    }
    return new Answer(200, body);
  }

  /** POST /v2/template/{id}/preview. */
  public Answer preview(String id, String requestBody) {
    Answer found = template(id);
    if (found.status() != 200) {
      return found;
    }
    SimulatedTemplate t = config.templates().stream().filter(candidate -> candidate.id().equals(id)).findFirst().orElseThrow();
    try {
      JsonNode request = requestBody.isBlank() ? JSON.createObjectNode() : parseObject(requestBody);
      Map<String, Object> personalisation = personalisation(request);
      List<String> missing = new ArrayList<>();
      for (String name : Placeholders.names(t.subject().orElse(""), t.body())) {
        if (Placeholders.find(personalisation, name) == null) {
          missing.add(name);
        }
      }
      if (!missing.isEmpty()) {
        throw new Refused(400, "BadRequestError", "Missing personalisation: " + String.join(", ", missing));
      }
      ObjectNode body = JSON.createObjectNode();
      body.put("id", t.id());
      body.put("type", t.type().apiName());
      body.put("version", t.version());
      body.put("body", Placeholders.fill(t.body(), personalisation));
      if (t.subject().isPresent()) {
        body.put("subject", Placeholders.fill(t.subject().get(), personalisation));
      } else {
        body.putNull("subject");
      }
      body.putNull("html");
      return new Answer(200, body);
    } catch (Refused refused) {
      return error(refused.status, refused.error, refused.getMessage());
    }
  }

  /** Moves statuses on; sends a receipt for each notification that reached a final status. */
  public synchronized void tick() {
    Instant now = clock.instant();
    // All pending messages share one delivery delay, so the oldest is always the first due.
    while (!pending.isEmpty()) {
      Stored oldest = pending.peekFirst();
      advance(oldest, now);
      if (!isFinal(oldest.status)) {
        return;
      }
      pending.pollFirst();
    }
  }

  /** How many notifications were accepted with this reference. */
  public synchronized int countByReference(String reference) {
    return byReference.getOrDefault(reference, List.of()).size();
  }

  public synchronized List<SimulatedNotification> notifications() {
    Instant now = clock.instant();
    List<SimulatedNotification> copy = new ArrayList<>(notifications.size());
    for (Stored stored : notifications) {
      advance(stored, now);
      copy.add(new SimulatedNotification(stored.id, Optional.ofNullable(stored.reference), stored.type,
          stored.template.id(), stored.keyType, stored.recipient, stored.personalisation,
          Optional.ofNullable(stored.subject()), stored.body(), stored.status, stored.createdAt));
    }
    return copy;
  }

  public synchronized void reset() {
    notifications.clear();
    byId.clear();
    byReference.clear();
    pending.clear();
    recentSends.clear();
    sentToday.clear();
  }

  // ---- Rules ------------------------------------------------------------------------------------

  private void checkRateLimit(KeyType keyType) throws Refused {
    Instant now = clock.instant();
    Deque<Instant> sends = recentSends.computeIfAbsent(keyType, k -> new ArrayDeque<>());
    while (!sends.isEmpty() && !sends.peekFirst().isAfter(now.minusSeconds(60))) {
      sends.pollFirst();
    }
    if (sends.size() >= config.rateLimitPerMinute()) {
      throw new Refused(429, "RateLimitError", "Exceeded rate limit for key type " + keyType + " of "
          + config.rateLimitPerMinute() + " requests per 60 seconds");
    }
  }

  private void countDaily(KeyType keyType, TemplateType type) throws Refused {
    if (keyType == KeyType.TEST) {
      return;
    }
    LocalDate now = LocalDate.now(clock);
    if (!now.equals(today)) {
      today = now;
      sentToday.clear();
    }
    int limit = switch (type) {
      case EMAIL -> config.dailyLimits().email();
      case SMS -> config.dailyLimits().sms();
      case LETTER -> config.dailyLimits().letter();
    };
    int sent = sentToday.getOrDefault(type, 0);
    if (sent >= limit) {
      throw new Refused(429, "TooManyRequestsError", "Exceeded send limits (" + type.apiName() + ": " + limit + ") for today");
    }
    sentToday.put(type, sent + 1);
  }

  private boolean isTeamMember(TemplateType type, String recipient) {
    if (type == TemplateType.EMAIL) {
      return config.teamEmails().stream().anyMatch(email -> email.equalsIgnoreCase(recipient));
    }
    Optional<String> number = Recipients.ukMobile(recipient).value();
    return config.teamPhones().stream().anyMatch(phone -> Recipients.ukMobile(phone).value().equals(number));
  }

  private static List<String> addressLines(Map<String, Object> personalisation) {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      Object line = Placeholders.find(personalisation, "address_line_" + i);
      if (line != null && !line.toString().isBlank()) {
        lines.add(line.toString().strip());
      }
    }
    return lines;
  }

  /** The index in candidates (ordered by position) of the last one older than position, or -1. */
  private static int olderThan(List<Stored> candidates, int position) {
    int low = 0;
    int high = candidates.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (candidates.get(middle).position < position) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return high;
  }

  private static boolean visibleTo(ApiKey key, Stored stored) {
    // As in Notify, test keys see only test messages and other keys never see them.
    return (key.type() == KeyType.TEST) == (stored.keyType == KeyType.TEST);
  }

  private static boolean statusMatches(String filter, String status) {
    if (filter.equals("failed")) {
      return status.endsWith("failure");
    }
    return filter.equals(status);
  }

  /** Moves a notification's status on by time; a final status sends a delivery receipt. */
  private void advance(Stored stored, Instant now) {
    if (isFinal(stored.status)) {
      return;
    }
    long delay = config.deliveryDelay().toMillis();
    long age = now.toEpochMilli() - stored.createdAt.toEpochMilli();
    if (stored.keyType == KeyType.TEST || age >= delay) {
      if (stored.type != TemplateType.LETTER) {
        stored.sentAt = stored.createdAt;
      }
      stored.status = finalStatus(stored);
      stored.completedAt = stored.keyType == KeyType.TEST ? stored.createdAt : stored.createdAt.plusMillis(delay);
      if (config.callback().isPresent()) {
        receipts.accept(receipt(stored));
      }
    } else if (age >= delay / 2 && stored.type != TemplateType.LETTER) {
      stored.status = "sending";
      stored.sentAt = stored.createdAt.plusMillis(delay / 2);
    }
  }

  private static boolean isFinal(String status) {
    return status.equals("delivered") || status.endsWith("failure") || status.equals("received")
        || status.equals("cancelled");
  }

  private static String finalStatus(Stored stored) {
    switch (stored.type) {
      case EMAIL:
        if (stored.recipient.equalsIgnoreCase("temp-fail@simulator.notify")) {
          return "temporary-failure";
        }
        if (stored.recipient.equalsIgnoreCase("perm-fail@simulator.notify")) {
          return "permanent-failure";
        }
        return "delivered";
      case SMS:
        String number = Recipients.ukMobile(stored.recipient).value().orElse("");
        if (number.equals("07700900003")) {
          return "temporary-failure";
        }
        if (number.equals("07700900002")) {
          return "permanent-failure";
        }
        return "delivered";
      default:
        return "received";
    }
  }

  // ---- JSON ---------------------------------------------------------------------------------------

  private ObjectNode sendResponse(Stored stored, String baseUrl) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", stored.id);
    putNullable(body, "reference", stored.reference);
    ObjectNode content = body.putObject("content");
    content.put("body", stored.body());
    if (stored.type == TemplateType.EMAIL) {
      content.put("subject", stored.subject());
      content.put("from_email", "simulator@notifications.service.gov.uk");
      content.putNull("one_click_unsubscribe_url");
    } else if (stored.type == TemplateType.SMS) {
      content.put("from_number", "GOVUK");
    } else {
      content.put("subject", stored.subject());
    }
    body.put("uri", baseUrl + "/v2/notifications/" + stored.id);
    body.set("template", templateRef(stored, baseUrl));
    body.putNull("scheduled_for");
    if (stored.type == TemplateType.LETTER) {
      body.put("postage", stored.postage);
    }
    return body;
  }

  private ObjectNode notificationJson(Stored stored, String baseUrl) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", stored.id);
    putNullable(body, "reference", stored.reference);
    putNullable(body, "email_address", stored.type == TemplateType.EMAIL ? stored.recipient : null);
    putNullable(body, "phone_number", stored.type == TemplateType.SMS ? stored.recipient : null);
    for (int i = 1; i <= 6; i++) {
      putNullable(body, "line_" + i, i <= stored.addressLines.size() - 1 ? stored.addressLines.get(i - 1) : null);
    }
    putNullable(body, "postcode", stored.type == TemplateType.LETTER
        ? stored.addressLines.get(stored.addressLines.size() - 1) : null);
    putNullable(body, "postage", stored.type == TemplateType.LETTER ? stored.postage : null);
    body.put("type", stored.type.apiName());
    body.put("status", stored.status);
    body.set("template", templateRef(stored, baseUrl));
    body.put("body", stored.body());
    putNullable(body, "subject", stored.subject());
    body.put("created_at", TIMESTAMP.format(stored.createdAt));
    putNullable(body, "created_by_name", null);
    putNullable(body, "sent_at", stored.sentAt == null ? null : TIMESTAMP.format(stored.sentAt));
    putNullable(body, "completed_at", stored.completedAt == null ? null : TIMESTAMP.format(stored.completedAt));
    putNullable(body, "scheduled_for", null);
    body.put("is_cost_data_ready", true);
    ObjectNode cost = body.putObject("cost_details");
    if (stored.type == TemplateType.SMS) {
      cost.put("billable_sms_fragments", 1);
      cost.put("international_rate_multiplier", 1.0);
      cost.put("sms_rate", 0.0197);
    } else if (stored.type == TemplateType.LETTER) {
      cost.put("billable_sheets_of_paper", 1);
      cost.put("postage", stored.postage);
    }
    body.put("cost_in_pounds", stored.type == TemplateType.EMAIL ? 0.0 : stored.type == TemplateType.SMS ? 0.0197 : 0.68);
    return body;
  }

  private static ObjectNode templateRef(Stored stored, String baseUrl) {
    ObjectNode template = JSON.createObjectNode();
    template.put("id", stored.template.id());
    template.put("version", stored.template.version());
    template.put("uri", baseUrl + "/v2/template/" + stored.template.id() + "/version/" + stored.template.version());
    return template;
  }

  private ObjectNode receipt(Stored stored) {
    ObjectNode receipt = JSON.createObjectNode();
    receipt.put("id", stored.id);
    putNullable(receipt, "reference", stored.reference);
    receipt.put("to", stored.recipient);
    receipt.put("status", stored.status);
    receipt.put("created_at", TIMESTAMP.format(stored.createdAt));
    putNullable(receipt, "completed_at", stored.completedAt == null ? null : TIMESTAMP.format(stored.completedAt));
    putNullable(receipt, "sent_at", stored.sentAt == null ? null : TIMESTAMP.format(stored.sentAt));
    receipt.put("notification_type", stored.type.apiName());
    receipt.put("template_id", stored.template.id());
    receipt.put("template_version", stored.template.version());
    return receipt;
  }

  private static void putNullable(ObjectNode node, String field, @Nullable String value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  private static String filters(Optional<String> templateType, List<String> statuses, Optional<String> reference) {
    StringBuilder filters = new StringBuilder();
    templateType.ifPresent(type -> filters.append("&template_type=").append(encode(type)));
    statuses.forEach(status -> filters.append("&status=").append(encode(status)));
    reference.ifPresent(ref -> filters.append("&reference=").append(encode(ref)));
    return filters.toString();
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Optional<String> first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static JsonNode parseObject(String body) throws Refused {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (Exception e) {
      throw new Refused(400, "BadRequestError", "Invalid JSON supplied in POST data");
    }
    if (node == null || !node.isObject()) {
      throw new Refused(400, "BadRequestError", "Invalid JSON supplied in POST data");
    }
    return node;
  }

  private static String requiredText(JsonNode request, String field) throws Refused {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      throw new Refused(400, "ValidationError", field + " is a required property");
    }
    if (!value.isTextual()) {
      throw new Refused(400, "ValidationError", field + " " + value + " is not of type string");
    }
    return value.asText();
  }

  private static Map<String, Object> personalisation(JsonNode request) throws Refused {
    JsonNode node = request.get("personalisation");
    Map<String, Object> values = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return values;
    }
    if (!node.isObject()) {
      throw new Refused(400, "ValidationError", "personalisation " + node + " is not of type object");
    }
    node.fields().forEachRemaining(entry -> values.put(entry.getKey(),
        entry.getValue().isValueNode() ? (Object) entry.getValue().asText() : JSON.convertValue(entry.getValue(), Object.class)));
    return values;
  }

  /**
   * A version 4 UUID from a fast random source: notification ids must be unique, not unguessable,
   * and {@link UUID#randomUUID()} makes every send queue for one SecureRandom.
   */
  private static String randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(high, low).toString();
  }

  private static boolean isUuid(String value) {
    try {
      return UUID.fromString(value).toString().equalsIgnoreCase(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
