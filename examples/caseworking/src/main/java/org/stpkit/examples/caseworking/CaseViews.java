package org.stpkit.examples.caseworking;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.stpkit.notify.TimelineEntry;

/**
 * The data the caseworker templates draw with govuk and MoJ components: plain maps in the shape of
 * the components' params, every word from {@code messages.properties}.
 */
@Component
class CaseViews {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK)
      .withZone(ZoneId.of("Europe/London"));

  private final Words words;

  CaseViews(MessageSource messages) {
    this.words = new Words(messages, Locale.UK);
  }

  Words words() {
    return words;
  }

  /** One row per application for the list's table. */
  List<Map<String, Object>> rows(List<Application> applications) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Application application : applications) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("reference", application.reference());
      row.put("name", application.applicantName());
      row.put("submitted", when(application.submittedAt()));
      row.put("status", words.get("status." + application.status().name()));
      rows.add(row);
    }
    return rows;
  }

  /** The milestones recorded on the case, newest first, as mojTimeline items. */
  List<Map<String, Object>> events(List<CaseEvent> events) {
    List<Map<String, Object>> items = new ArrayList<>();
    List<CaseEvent> newestFirst = new ArrayList<>(events);
    java.util.Collections.reverse(newestFirst);
    for (CaseEvent event : newestFirst) {
      String detail = event.detail()
          .map(value -> event.milestone() == Milestone.DECISION_MADE
              ? words.get("decision." + value.toLowerCase(Locale.ROOT)) : value)
          .orElse(words.get("event.noDetail"));
      items.add(item(words.get("milestone." + event.milestone().name()), detail, event.recordedAt(),
          words.get("event.by", event.recordedBy())));
    }
    return items;
  }

  /**
   * Each message the case sent, with its delivery events newest first (mojTimeline items) and the
   * status it has now.
   */
  List<Map<String, Object>> messages(List<TimelineEntry> entries) {
    List<Map<String, Object>> messages = new ArrayList<>();
    for (TimelineEntry entry : entries) {
      List<Map<String, Object>> items = new ArrayList<>();
      List<TimelineEntry.Event> newestFirst = new ArrayList<>(entry.events());
      newestFirst.sort(Comparator.comparing(TimelineEntry.Event::at).reversed());
      for (TimelineEntry.Event event : newestFirst) {
        items.add(item(words.get("delivery." + event.status().name()),
            event.detail().orElse(words.get("delivery." + event.status().name() + ".hint")), event.at(),
            words.get("channel." + entry.channel().name())));
      }
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("name", words.get("message." + entry.messageName()));
      message.put("milestone", words.get("milestone." + entry.milestone()));
      message.put("status", words.get("delivery." + entry.status().name()));
      message.put("statusKey", entry.status().name());
      message.put("items", items);
      messages.add(message);
    }
    return messages;
  }

  private static Map<String, Object> item(String label, String text, Instant at, String byline) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("label", Map.of("text", label));
    item.put("text", text);
    item.put("datetime", Map.of("timestamp", at.toString(), "type", "datetime"));
    item.put("byline", Map.of("text", byline));
    return item;
  }

  private static String when(Instant at) {
    return WHEN.format(at).replace("AM", "am").replace("PM", "pm");
  }
}
