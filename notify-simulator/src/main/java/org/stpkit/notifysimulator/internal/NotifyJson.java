package org.stpkit.notifysimulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.TemplateType;

/** Notify's wire format: the JSON of its answers, errors and delivery receipts. */
final class NotifyJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final String FROM_EMAIL = "simulator@notifications.service.gov.uk";

  private NotifyJson() {}

  /** {@code {"status_code": 400, "errors": [{"error": "BadRequestError", "message": "..."}]}}. */
  static ObjectNode error(NotifyError error) {
    ObjectNode body = JSON.objectNode();
    body.put("status_code", error.status());
    ObjectNode item = body.putArray("errors").addObject();
    item.put("error", error.error());
    item.put("message", error.message());
    return body;
  }

  /** A send's 201 answer. */
  static ObjectNode sent(StoredNotification stored, String baseUrl) {
    if (stored.isPrecompiledLetter()) {
      ObjectNode body = JSON.objectNode();
      body.put("id", stored.id);
      putNullable(body, "reference", stored.reference);
      body.put("postage", stored.postage.apiName());
      return body;
    }
    ObjectNode body = JSON.objectNode();
    body.put("id", stored.id);
    putNullable(body, "reference", stored.reference);
    ObjectNode content = body.putObject("content");
    content.put("body", stored.body());
    switch (stored.type) {
      case EMAIL -> {
        content.put("subject", stored.subject());
        content.put("from_email", FROM_EMAIL);
        putNullable(content, "one_click_unsubscribe_url", stored.unsubscribeUrl.orElse(null));
      }
      case SMS -> content.put("from_number", stored.fromNumber);
      case LETTER -> content.put("subject", stored.subject());
    }
    body.put("uri", baseUrl + "/v2/notifications/" + stored.id);
    body.set("template", templateReference(stored.template, baseUrl));
    body.putNull("scheduled_for");
    if (stored.type == TemplateType.LETTER) {
      body.put("postage", stored.postage.apiName());
    }
    return body;
  }

  /** {@code GET /v2/notifications/{id}}'s answer, and each item of a list. */
  static ObjectNode notification(StoredNotification stored, String baseUrl) {
    ObjectNode body = JSON.objectNode();
    body.put("id", stored.id);
    putNullable(body, "reference", stored.reference);
    putNullable(body, "email_address", stored.type == TemplateType.EMAIL ? stored.recipient : null);
    putNullable(body, "phone_number", stored.type == TemplateType.SMS ? stored.recipient : null);
    // A letter's last address line is its postcode (or country); a PDF's address is not read here.
    List<String> lines = stored.isPrecompiledLetter() ? List.of(stored.recipient, "") : stored.addressLines;
    for (int i = 1; i <= 6; i++) {
      putNullable(body, "line_" + i, i <= lines.size() - 1 ? lines.get(i - 1) : null);
    }
    boolean letter = stored.type == TemplateType.LETTER;
    String postcode = letter ? lines.get(lines.size() - 1) : null;
    putNullable(body, "postcode", postcode == null || postcode.isEmpty() ? null : postcode);
    putNullable(body, "postage", letter ? stored.postage.apiName() : null);
    body.put("type", stored.type.apiName());
    body.put("status", stored.status.apiName());
    body.set("template", templateReference(stored.template, baseUrl));
    body.put("body", stored.body());
    putNullable(body, "subject", stored.subject());
    body.put("created_at", timestamp(stored.createdAt));
    body.putNull("created_by_name");
    putNullable(body, "sent_at", timestamp(stored.sentAt));
    putNullable(body, "completed_at", timestamp(stored.completedAt));
    body.putNull("scheduled_for");
    putNullable(body, "one_click_unsubscribe_url", stored.unsubscribeUrl.orElse(null));
    body.put("is_cost_data_ready", true);
    ObjectNode cost = body.putObject("cost_details");
    switch (stored.type) {
      case SMS -> {
        cost.put("billable_sms_fragments", 1);
        cost.put("international_rate_multiplier", 1.0);
        cost.put("sms_rate", 0.0197);
      }
      case LETTER -> {
        cost.put("billable_sheets_of_paper", 1);
        cost.put("postage", stored.postage.apiName());
      }
      case EMAIL -> { }
    }
    body.put("cost_in_pounds", switch (stored.type) {
      case EMAIL -> 0.0;
      case SMS -> 0.0197;
      case LETTER -> 0.68;
    });
    return body;
  }

  /**
   * A page of {@code GET /v2/notifications}: the items and {@code links.current}, with
   * {@code links.next} when older ones follow (the query's filters carried on).
   */
  static ObjectNode page(ServiceState.Page<ObjectNode> page, ListQuery query, String baseUrl) {
    ObjectNode body = JSON.objectNode();
    ArrayNode items = body.putArray("notifications");
    page.notifications().forEach(items::add);
    StringBuilder filters = new StringBuilder();
    query.type().ifPresent(type -> filters.append("&template_type=").append(type.apiName()));
    query.statuses().forEach(status -> filters.append("&status=").append(encode(status)));
    query.reference().ifPresent(reference -> filters.append("&reference=").append(encode(reference)));
    ObjectNode links = body.putObject("links");
    links.put("current", baseUrl + "/v2/notifications" + (filters.isEmpty() ? "" : "?" + filters.substring(1)));
    if (page.more()) {
      links.put("next", baseUrl + "/v2/notifications?older_than=" + page.lastId().orElseThrow() + filters);
    }
    return body;
  }

  /**
   * A page of {@code GET /v2/received-text-messages}: the texts, {@code links.current}, and, as Notify
   * writes it, {@code links.next} whenever the page is not empty.
   */
  static ObjectNode receivedTexts(List<ServiceState.ReceivedText> texts, String baseUrl) {
    ObjectNode body = JSON.objectNode();
    ArrayNode items = body.putArray("received_text_messages");
    for (ServiceState.ReceivedText text : texts) {
      ObjectNode item = items.addObject();
      item.put("id", text.id());
      item.put("created_at", timestamp(text.createdAt()));
      item.put("service_id", text.serviceId());
      item.put("notify_number", text.notifyNumber());
      item.put("user_number", text.userNumber());
      item.put("content", text.content());
    }
    ObjectNode links = body.putObject("links");
    links.put("current", baseUrl + "/v2/received-text-messages");
    if (!texts.isEmpty()) {
      links.put("next", baseUrl + "/v2/received-text-messages?older_than=" + texts.get(texts.size() - 1).id());
    }
    return body;
  }

  /** {@code GET /v2/template/{id}}'s answer. */
  static ObjectNode template(SimulatedTemplate template) {
    ObjectNode body = JSON.objectNode();
    body.put("id", template.id());
    body.put("name", template.name());
    body.put("type", template.type().apiName());
    body.put("created_at", timestamp(Instant.EPOCH));
    body.putNull("updated_at");
    body.put("created_by", FROM_EMAIL);
    body.put("version", template.version());
    body.put("body", template.body());
    putNullable(body, "subject", template.subject().orElse(null));
    body.putNull("letter_contact_block");
    ObjectNode placeholders = body.putObject("personalisation");
    for (String name : Placeholders.names(template.subject().orElse(""), template.body())) {
      placeholders.putObject(name).put("required", true);
    }
    return body;
  }

  /** {@code POST /v2/template/{id}/preview}'s answer. */
  static ObjectNode preview(SimulatedTemplate template, Map<String, Object> personalisation) {
    ObjectNode body = JSON.objectNode();
    body.put("id", template.id());
    body.put("type", template.type().apiName());
    body.put("version", template.version());
    body.put("body", Placeholders.fill(template.body(), personalisation));
    putNullable(body, "subject", template.subject().map(subject -> Placeholders.fill(subject, personalisation)).orElse(null));
    body.putNull("html");
    return body;
  }

  /** The delivery receipt Notify posts to a service's callback URL. */
  static ObjectNode receipt(StoredNotification stored) {
    ObjectNode receipt = JSON.objectNode();
    receipt.put("id", stored.id);
    putNullable(receipt, "reference", stored.reference);
    receipt.put("to", stored.recipient);
    receipt.put("status", stored.status.apiName());
    receipt.put("created_at", timestamp(stored.createdAt));
    putNullable(receipt, "completed_at", timestamp(stored.completedAt));
    putNullable(receipt, "sent_at", timestamp(stored.sentAt));
    receipt.put("notification_type", stored.type.apiName());
    receipt.put("template_id", stored.template.id());
    receipt.put("template_version", stored.template.version());
    return receipt;
  }

  private static ObjectNode templateReference(SimulatedTemplate template, String baseUrl) {
    ObjectNode reference = JSON.objectNode();
    reference.put("id", template.id());
    reference.put("version", template.version());
    reference.put("uri", baseUrl + "/v2/template/" + template.id() + "/version/" + template.version());
    return reference;
  }

  private static @Nullable String timestamp(@Nullable Instant instant) {
    return instant == null ? null : TIMESTAMP.format(instant);
  }

  private static void putNullable(ObjectNode node, String field, @Nullable String value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
