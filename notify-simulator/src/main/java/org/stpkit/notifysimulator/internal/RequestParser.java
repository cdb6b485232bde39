package org.stpkit.notifysimulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.stpkit.notifysimulator.TemplateType;

/**
 * Reads request bodies and queries as Notify's JSON schemas do: unknown properties, missing or
 * mistyped fields and bad ids are refused with Notify's ValidationError messages.
 */
final class RequestParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<TemplateType, Set<String>> ALLOWED = Map.of(
      TemplateType.EMAIL, Set.of("template_id", "email_address", "personalisation", "reference", "email_reply_to_id",
          "one_click_unsubscribe_url", "scheduled_for"),
      TemplateType.SMS, Set.of("template_id", "phone_number", "personalisation", "reference", "sms_sender_id",
          "scheduled_for"),
      TemplateType.LETTER, Set.of("template_id", "personalisation", "reference", "postage"));
  private static final Map<TemplateType, String> RECIPIENT_FIELD = Map.of(
      TemplateType.EMAIL, "email_address", TemplateType.SMS, "phone_number");
  private static final int MAX_REFERENCE_LENGTH = 1000;
  private static final Set<String> PRECOMPILED = Set.of("reference", "content", "postage");
  // Notify reads an address abroad from the PDF itself; its API takes only these for a PDF.
  private static final Set<String> PRECOMPILED_POSTAGE = Set.of("first", "second", "economy");

  private RequestParser() {}

  /** POST /v2/notifications/{type}'s body. */
  static SendRequest send(TemplateType type, String body) throws NotifyError.Rejected {
    JsonNode request = object(body);
    for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!ALLOWED.get(type).contains(name)) {
        throw NotifyError.validation("Additional properties are not allowed (" + name + " was unexpected)").rejected();
      }
    }
    String templateId = requiredText(request, "template_id");
    if (!isUuid(templateId)) {
      throw NotifyError.validation("template_id is not a valid UUID").rejected();
    }
    String recipientField = RECIPIENT_FIELD.get(type);
    Optional<String> recipient = recipientField == null ? Optional.empty() : Optional.of(requiredText(request, recipientField));
    Map<String, Object> personalisation = personalisation(request);
    Optional<String> reference = optionalText(request, "reference");
    if (reference.isPresent() && reference.get().length() > MAX_REFERENCE_LENGTH) {
      throw NotifyError.validation("reference is too long").rejected();
    }
    Optional<String> replyTo = optionalUuid(request, "email_reply_to_id");
    Optional<String> sender = optionalUuid(request, "sms_sender_id");
    Optional<String> unsubscribe = Optional.empty();
    if (request.has("one_click_unsubscribe_url")) {
      JsonNode url = request.get("one_click_unsubscribe_url");
      if (!url.isTextual() || !isHttpsUrl(url.asText())) {
        throw NotifyError.validation("one_click_unsubscribe_url is not a valid https url").rejected();
      }
      unsubscribe = Optional.of(url.asText());
    }
    return new SendRequest(type, templateId, recipient, personalisation, reference, optionalText(request, "postage"),
        replyTo, sender, unsubscribe);
  }

  /** Whether a letter's body is a letter sent as a PDF: Notify tells them apart by {@code content}. */
  static boolean isPrecompiledLetter(String body) {
    try {
      JsonNode request = JSON.readTree(body);
      return request != null && request.isObject() && request.has("content");
    } catch (Exception e) {
      return false;
    }
  }

  /** POST /v2/notifications/letter's body for a letter sent as a PDF. */
  static PrecompiledLetter precompiledLetter(String body) throws NotifyError.Rejected {
    JsonNode request = object(body);
    for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!PRECOMPILED.contains(name)) {
        throw NotifyError.validation("Additional properties are not allowed (" + name + " was unexpected)").rejected();
      }
    }
    String reference = requiredText(request, "reference");
    String content = requiredText(request, "content");
    Optional<String> postage = optionalText(request, "postage");
    if (postage.isPresent() && !PRECOMPILED_POSTAGE.contains(postage.get())) {
      throw NotifyError.validation("postage invalid. It must be either first, second or economy.").rejected();
    }
    if (reference.length() > MAX_REFERENCE_LENGTH) {
      throw NotifyError.validation("reference is too long").rejected();
    }
    return new PrecompiledLetter(reference, content, postage.orElse("second"));
  }

  /** A letter sent as a PDF, as its request gives it: the PDF still base64, not yet checked. */
  record PrecompiledLetter(String reference, String content, String postage) {}

  /** GET /v2/received-text-messages's query: only {@code older_than}, a UUID. */
  static Optional<String> receivedTextsQuery(Map<String, List<String>> query) throws NotifyError.Rejected {
    for (String name : query.keySet()) {
      if (!name.equals("older_than")) {
        throw NotifyError.validation("Additional properties are not allowed (" + name + " was unexpected)").rejected();
      }
    }
    Optional<String> olderThan = first(query, "older_than");
    if (olderThan.isPresent() && !isUuid(olderThan.get())) {
      throw NotifyError.validation("older_than is not a valid UUID").rejected();
    }
    return olderThan;
  }

  /** POST /v2/template/{id}/preview's body: the personalisation. */
  static Map<String, Object> preview(String body) throws NotifyError.Rejected {
    return body.isBlank() ? Map.of() : personalisation(object(body));
  }

  /** GET /v2/notifications's query. */
  static ListQuery list(Map<String, List<String>> query) throws NotifyError.Rejected {
    Optional<String> type = first(query, "template_type");
    Optional<TemplateType> templateType = Optional.empty();
    if (type.isPresent()) {
      templateType = java.util.Arrays.stream(TemplateType.values()).filter(t -> t.apiName().equals(type.get())).findFirst();
      if (templateType.isEmpty()) {
        throw NotifyError.validation("template_type " + type.get() + " is not one of [sms, email, letter]").rejected();
      }
    }
    return new ListQuery(templateType, query.getOrDefault("status", List.of()), first(query, "reference"),
        first(query, "older_than"));
  }

  static boolean isUuid(String value) {
    try {
      return UUID.fromString(value).toString().equalsIgnoreCase(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static JsonNode object(String body) throws NotifyError.Rejected {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (Exception e) {
      throw invalidJson();
    }
    if (node == null || !node.isObject()) {
      throw invalidJson();
    }
    return node;
  }

  private static NotifyError.Rejected invalidJson() {
    return NotifyError.badRequest("Invalid JSON supplied in POST data").rejected();
  }

  private static String requiredText(JsonNode request, String field) throws NotifyError.Rejected {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      throw NotifyError.validation(field + " is a required property").rejected();
    }
    if (!value.isTextual()) {
      throw NotifyError.validation(field + " " + value + " is not of type string").rejected();
    }
    return value.asText();
  }

  private static Optional<String> optionalUuid(JsonNode request, String field) throws NotifyError.Rejected {
    if (!request.hasNonNull(field)) {
      return Optional.empty();
    }
    JsonNode value = request.get(field);
    if (!value.isTextual() || !isUuid(value.asText())) {
      throw NotifyError.validation(field + " is not a valid UUID").rejected();
    }
    return Optional.of(value.asText());
  }

  private static boolean isHttpsUrl(String value) {
    try {
      java.net.URI uri = new java.net.URI(value);
      return "https".equals(uri.getScheme()) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static Optional<String> optionalText(JsonNode request, String field) {
    return request.hasNonNull(field) ? Optional.of(request.get(field).asText()) : Optional.empty();
  }

  private static Map<String, Object> personalisation(JsonNode request) throws NotifyError.Rejected {
    JsonNode node = request.get("personalisation");
    Map<String, Object> values = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return values;
    }
    if (!node.isObject()) {
      throw NotifyError.validation("personalisation " + node + " is not of type object").rejected();
    }
    node.fields().forEachRemaining(entry -> values.put(entry.getKey(),
        entry.getValue().isValueNode() ? entry.getValue().asText() : JSON.convertValue(entry.getValue(), Object.class)));
    return values;
  }

  private static Optional<String> first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
