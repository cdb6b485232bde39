package org.stpkit.notifysimulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.stpkit.notifysimulator.ApiKey;
import org.stpkit.notifysimulator.SimulatedFile;
import org.stpkit.notifysimulator.SimulatedNotification;
import org.stpkit.notifysimulator.SimulatedService;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.SimulatorException;
import org.stpkit.notifysimulator.TemplateType;

/**
 * Notify's v2 API, free of HTTP: each route reads its request ({@link RequestParser}), asks the
 * caller's service ({@link SendRules}, {@link ServiceState}) and answers in Notify's JSON
 * ({@link NotifyJson}). Each service the simulator holds has its own state; a request's JWT says whose.
 */
final class NotifyApi {
  private static final int PAGE_SIZE = 250;

  private final Clock clock;
  private final Jwt jwt;
  // By service id, in the configuration's order (the default service first).
  private final Map<String, ServiceState> services = new LinkedHashMap<>();

  /** Who is calling: the key that signed the request and its service. */
  record Caller(ApiKey key, ServiceState service) {}

  /** @param receipts given each delivery receipt to post, when the simulator has a callback */
  NotifyApi(SimulatorConfig config, Clock clock, Consumer<ObjectNode> receipts) {
    this.clock = clock;
    this.jwt = new Jwt(config.services());
    Consumer<StoredNotification> finished = config.callback().isPresent()
        ? stored -> receipts.accept(NotifyJson.receipt(stored)) : stored -> { };
    for (SimulatedService service : config.services()) {
      services.put(service.serviceId(), new ServiceState(config, service, clock, finished));
    }
  }

  /** The caller a request's Authorization header proves, or Notify's AuthError. */
  Authentication authenticate(@Nullable String authorization) {
    return jwt.check(authorization, clock.instant());
  }

  Caller caller(Authentication.Authenticated authenticated) {
    return new Caller(authenticated.key(), services.get(authenticated.serviceId()));
  }

  /** {@code POST /v2/notifications/{type}}: a letter with {@code content} is a letter sent as a PDF. */
  Answer send(Caller caller, TemplateType type, String body, String baseUrl) {
    ServiceState service = caller.service();
    try {
      service.checkRateLimit(caller.key().type());
      if (type == TemplateType.LETTER && RequestParser.isPrecompiledLetter(body)) {
        RequestParser.PrecompiledLetter letter = RequestParser.precompiledLetter(body);
        CheckedSend checked = SendRules.checkPrecompiled(service.service(), caller.key().type(), letter);
        return Answer.json(201, service.store(caller.key(), checked, Optional.of(letter.reference()),
            stored -> NotifyJson.sent(stored, baseUrl)));
      }
      SendRequest request = RequestParser.send(type, body);
      CheckedSend checked = SendRules.check(service.service(), caller.key().type(), request);
      return Answer.json(201, service.store(caller.key(), checked, request.reference(), files(checked, baseUrl),
          stored -> NotifyJson.sent(stored, baseUrl)));
    } catch (NotifyError.Rejected rejected) {
      return Answer.error(rejected.error());
    }
  }

  /** Each file gets the link Notify would put in its place: here, one to the simulator's copy. */
  private static Map<String, SimulatedFile> files(CheckedSend checked, String baseUrl) {
    if (checked.uploads().isEmpty()) {
      return Map.of();
    }
    Map<String, SimulatedFile> files = new LinkedHashMap<>();
    checked.uploads().forEach((placeholder, upload) -> files.put(placeholder, new SimulatedFile(upload.filename(),
        upload.content(), upload.confirmEmailBeforeDownload(), upload.retentionWeeks(),
        baseUrl + "/_simulator/files/" + UUID.randomUUID())));
    return files;
  }

  /** {@code GET /v2/notifications/{id}}. */
  Answer status(Caller caller, String id, String baseUrl) {
    if (!RequestParser.isUuid(id)) {
      return Answer.error(NotifyError.validation("notification_id is not a valid UUID"));
    }
    return caller.service().find(caller.key().type(), id, stored -> NotifyJson.notification(stored, baseUrl))
        .map(json -> Answer.json(200, json)).orElseGet(() -> Answer.error(NotifyError.noResult()));
  }

  /** {@code GET /v2/notifications/{id}/pdf}: the PDF sent, or one made from a template letter. */
  Answer pdf(Caller caller, String id) {
    if (!RequestParser.isUuid(id)) {
      return Answer.error(NotifyError.validation("id is not a valid UUID"));
    }
    return caller.service().find(caller.key().type(), id, NotifyApi::pdf)
        .orElseGet(() -> Answer.error(NotifyError.noResult()));
  }

  private static Answer pdf(StoredNotification stored) {
    if (stored.type != TemplateType.LETTER) {
      return Answer.error(NotifyError.validation("Notification is not a letter"));
    }
    if (stored.isPrecompiledLetter()) {
      return Answer.pdf(stored.letterPdf.orElseThrow());
    }
    List<String> lines = new ArrayList<>(stored.addressLines);
    lines.add("");
    Optional.ofNullable(stored.subject()).ifPresent(lines::add);
    lines.addAll(stored.body().lines().toList());
    return Answer.pdf(LetterPdfs.page(lines));
  }

  /** {@code GET /v2/notifications?template_type=&status=&reference=&older_than=}. */
  Answer lookup(Caller caller, Map<String, List<String>> query, String baseUrl) {
    try {
      ListQuery filters = RequestParser.list(query);
      ServiceState.Page<ObjectNode> page = caller.service().page(caller.key().type(), filters, PAGE_SIZE,
          stored -> NotifyJson.notification(stored, baseUrl));
      return Answer.json(200, NotifyJson.page(page, filters, baseUrl));
    } catch (NotifyError.Rejected rejected) {
      return Answer.error(rejected.error());
    }
  }

  /** {@code GET /v2/received-text-messages?older_than=}. */
  Answer receivedTexts(Caller caller, Map<String, List<String>> query, String baseUrl) {
    try {
      Optional<String> olderThan = RequestParser.receivedTextsQuery(query);
      return Answer.json(200, NotifyJson.receivedTexts(caller.service().receivedTexts(olderThan, PAGE_SIZE), baseUrl));
    } catch (NotifyError.Rejected rejected) {
      return Answer.error(rejected.error());
    }
  }

  /** {@code GET /v2/template/{id}} (and {@code /version/{n}}). */
  Answer template(Caller caller, String id) {
    try {
      return Answer.json(200, NotifyJson.template(template(id, caller.service().service())));
    } catch (NotifyError.Rejected rejected) {
      return Answer.error(rejected.error());
    }
  }

  /** {@code POST /v2/template/{id}/preview}. */
  Answer preview(Caller caller, String id, String body) {
    try {
      SimulatedTemplate template = template(id, caller.service().service());
      Map<String, Object> personalisation = RequestParser.preview(body);
      SendRules.requireEveryPlaceholder(template, personalisation);
      return Answer.json(200, NotifyJson.preview(template, personalisation));
    } catch (NotifyError.Rejected rejected) {
      return Answer.error(rejected.error());
    }
  }

  /** A text message arrives at a service's number; the JSON is as Notify lists it. */
  ServiceState.ReceivedText receiveText(String serviceName, String from, String content) {
    return byName(serviceName).receive(from, content);
  }

  /** A file sent by email to any service, by the id its link ends with. */
  Optional<SimulatedFile> file(String id) {
    return services.values().stream().map(service -> service.file(id)).flatMap(Optional::stream).findFirst();
  }

  void tick() {
    services.values().forEach(ServiceState::tick);
  }

  /** Every service's notifications, oldest first. */
  List<SimulatedNotification> notifications() {
    List<SimulatedNotification> all = new ArrayList<>();
    services.values().forEach(service -> all.addAll(service.snapshot()));
    if (services.size() > 1) {
      all.sort(Comparator.comparing(SimulatedNotification::createdAt));
    }
    return all;
  }

  int countByReference(String reference) {
    return services.values().stream().mapToInt(service -> service.countByReference(reference)).sum();
  }

  void reset() {
    services.values().forEach(ServiceState::reset);
  }

  private ServiceState byName(String name) {
    return services.values().stream().filter(service -> service.service().name().equals(name)).findFirst()
        .orElseThrow(() -> new SimulatorException("No service is named '" + name + "'; services: " + String.join(", ",
            services.values().stream().map(service -> service.service().name()).toList())));
  }

  private static SimulatedTemplate template(String id, SimulatedService service) throws NotifyError.Rejected {
    if (!RequestParser.isUuid(id)) {
      throw NotifyError.validation("id is not a valid UUID").rejected();
    }
    Optional<SimulatedTemplate> template = service.templates().stream().filter(t -> t.id().equals(id)).findFirst();
    return template.orElseThrow(() -> NotifyError.noResult().rejected());
  }
}
