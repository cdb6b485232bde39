package org.stpkit.notifysimulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.stpkit.notifysimulator.ApiKey;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;

/**
 * Notify's v2 API, free of HTTP: each route reads its request ({@link RequestParser}), asks the
 * service ({@link SendRules}, {@link ServiceState}) and answers in Notify's JSON ({@link NotifyJson}).
 */
final class NotifyApi {
  private static final int PAGE_SIZE = 250;

  private final Clock clock;
  private final Jwt jwt;
  private final ServiceState service;

  /** @param receipts given each delivery receipt to post, when the service has a callback */
  NotifyApi(SimulatorConfig config, Clock clock, Consumer<ObjectNode> receipts) {
    this.clock = clock;
    this.jwt = new Jwt(config.serviceId(), config.apiKeys());
    Consumer<StoredNotification> finished = config.callback().isPresent()
        ? stored -> receipts.accept(NotifyJson.receipt(stored)) : stored -> { };
    this.service = new ServiceState(config, clock, finished);
  }

  /** The key a request's Authorization header proves, or Notify's AuthError. */
  Authentication authenticate(@Nullable String authorization) {
    return jwt.check(authorization, clock.instant());
  }

  /** {@code POST /v2/notifications/{type}}. */
  Answer send(ApiKey key, TemplateType type, String body, String baseUrl) {
    try {
      service.checkRateLimit(key.type());
      SendRequest request = RequestParser.send(type, body);
      CheckedSend checked = SendRules.check(service.config(), key.type(), request);
      return Answer.json(201, service.store(key, checked, request.reference(), stored -> NotifyJson.sent(stored, baseUrl)));
    } catch (NotifyError.Rejected rejected) {
      return Answer.error(rejected.error());
    }
  }

  /** {@code GET /v2/notifications/{id}}. */
  Answer status(ApiKey key, String id, String baseUrl) {
    if (!RequestParser.isUuid(id)) {
      return Answer.error(NotifyError.validation("notification_id is not a valid UUID"));
    }
    return service.find(key.type(), id, stored -> NotifyJson.notification(stored, baseUrl))
        .map(json -> Answer.json(200, json)).orElseGet(() -> Answer.error(NotifyError.noResult()));
  }

  /** {@code GET /v2/notifications?template_type=&status=&reference=&older_than=}. */
  Answer lookup(ApiKey key, Map<String, List<String>> query, String baseUrl) {
    try {
      ListQuery filters = RequestParser.list(query);
      ServiceState.Page<ObjectNode> page = service.page(key.type(), filters, PAGE_SIZE,
          stored -> NotifyJson.notification(stored, baseUrl));
      return Answer.json(200, NotifyJson.page(page, filters, baseUrl));
    } catch (NotifyError.Rejected rejected) {
      return Answer.error(rejected.error());
    }
  }

  /** {@code GET /v2/template/{id}} (and {@code /version/{n}}). */
  Answer template(String id) {
    try {
      return Answer.json(200, NotifyJson.template(template(id, service.config())));
    } catch (NotifyError.Rejected rejected) {
      return Answer.error(rejected.error());
    }
  }

  /** {@code POST /v2/template/{id}/preview}. */
  Answer preview(String id, String body) {
    try {
      SimulatedTemplate template = template(id, service.config());
      Map<String, Object> personalisation = RequestParser.preview(body);
      SendRules.requireEveryPlaceholder(template, personalisation);
      return Answer.json(200, NotifyJson.preview(template, personalisation));
    } catch (NotifyError.Rejected rejected) {
      return Answer.error(rejected.error());
    }
  }

  void tick() {
    service.tick();
  }

  List<SimulatedNotification> notifications() {
    return service.snapshot();
  }

  int countByReference(String reference) {
    return service.countByReference(reference);
  }

  void reset() {
    service.reset();
  }

  private static SimulatedTemplate template(String id, SimulatorConfig config) throws NotifyError.Rejected {
    if (!RequestParser.isUuid(id)) {
      throw NotifyError.validation("id is not a valid UUID").rejected();
    }
    Optional<SimulatedTemplate> template = config.templates().stream().filter(t -> t.id().equals(id)).findFirst();
    return template.orElseThrow(() -> NotifyError.noResult().rejected());
  }
}
