package org.stpkit.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message a milestone sends: on the first channel in {@link #channels()} whose recipient is in
 * the case data ("email if present, else letter"), with that channel's template, personalisation
 * taken from case-data paths, and only when its condition holds.
 *
 * @param recipients channel → the case-data path of the email address, mobile number or postal
 *     address (a list of lines, or a map of lines)
 * @param personalisation placeholder → case-data path ({@code caseRef} is the case reference)
 */
public record MessageSpec(
    String name,
    List<Channel> channels,
    Map<Channel, String> templateIds,
    Map<Channel, String> recipients,
    Map<String, String> personalisation,
    Optional<When> when) {

  /** A message's condition: the value at {@code path} equals a value, or is present. */
  public record When(String path, Optional<String> equals) {
    public When {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(equals, "equals");
    }

    boolean holds(CaseData data) {
      Optional<Object> value = data.at(path);
      return equals.map(expected -> value.map(Object::toString).filter(expected::equals).isPresent())
          .orElse(value.filter(v -> !v.toString().isBlank()).isPresent());
    }
  }

  public MessageSpec {
    Objects.requireNonNull(name, "name");
    channels = List.copyOf(channels);
    templateIds = Map.copyOf(templateIds);
    recipients = Map.copyOf(recipients);
    personalisation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(personalisation));
    Objects.requireNonNull(when, "when");
  }

  /** Whether the message is sent for this case data. */
  public boolean appliesTo(CaseData data) {
    return when.map(condition -> condition.holds(data)).orElse(true);
  }
}
