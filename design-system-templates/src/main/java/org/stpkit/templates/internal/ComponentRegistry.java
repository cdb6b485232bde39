package org.stpkit.templates.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stpkit.templates.internal.components.Components;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.moj.MojComponents;

/**
 * Every component the kit renders, found by the names callers use: a govuk-frontend folder name
 * ({@code "date-input"}, as the kit has always taken) or any Nunjucks macro name
 * ({@code "govukDateInput"}, {@code "mojTimeline"}, {@code "pdsHeader"}). MoJ Frontend's folder
 * names are not accepted: four of them (header, pagination, cookie-banner, task-list) are also
 * govuk-frontend's.
 */
public final class ComponentRegistry {
  /** The design system a component comes from. */
  public enum Family { GOVUK, MOJ }

  /**
   * One component. {@code name} is what messages and param checks call it: the govuk-frontend
   * folder name, or the MoJ macro name.
   */
  public record Entry(String name, String macro, Family family, Component component) {}

  private static final List<Entry> ALL = entries();
  private static final Map<String, Entry> BY_NAME = byName(ALL);

  private ComponentRegistry() {}

  public static Optional<Entry> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** Every component, GOV.UK first, each family in its documented order. */
  public static List<Entry> all() {
    return ALL;
  }

  private static List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    for (String name : ComponentNames.ALL) {
      Components.byName(name).ifPresent(component ->
          entries.add(new Entry(name, ComponentNames.macroName(name), Family.GOVUK, component)));
    }
    MojComponents.all().forEach((macro, component) -> entries.add(new Entry(macro, macro, Family.MOJ, component)));
    return List.copyOf(entries);
  }

  private static Map<String, Entry> byName(List<Entry> entries) {
    Map<String, Entry> byName = new HashMap<>();
    for (Entry entry : entries) {
      byName.put(entry.name(), entry);
      byName.put(entry.macro(), entry);
    }
    return Map.copyOf(byName);
  }
}
