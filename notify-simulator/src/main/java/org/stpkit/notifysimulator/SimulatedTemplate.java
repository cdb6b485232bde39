package org.stpkit.notifysimulator;

import java.util.Objects;
import java.util.Optional;

/**
 * A template the simulator holds, with Notify's {@code ((placeholder))} syntax in its subject and
 * body ({@code ((name??text))} shows the text when {@code name} is "yes" or true).
 */
public record SimulatedTemplate(String id, TemplateType type, String name, Optional<String> subject, String body,
    int version) {
  public SimulatedTemplate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
  }
}
