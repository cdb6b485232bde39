package org.stpkit.templates.internal.moj;

import java.util.LinkedHashMap;
import java.util.Map;
import org.stpkit.templates.internal.html.Component;

/** Every MoJ Frontend component, by its Nunjucks macro name, in the order of MoJ's component list. */
public final class MojComponents {
  private static final Map<String, Component> BY_MACRO = byMacro();

  private MojComponents() {}

  /** Macro name to component, in a fixed order. */
  public static Map<String, Component> all() {
    return BY_MACRO;
  }

  private static Map<String, Component> byMacro() {
    Map<String, Component> components = new LinkedHashMap<>();
    components.put("mojBadge", Badge.INSTANCE);
    components.put("mojBanner", Banner.INSTANCE);
    components.put("mojButtonMenu", ButtonMenu.INSTANCE);
    components.put("mojIdentityBar", IdentityBar.INSTANCE);
    components.put("mojNotificationBadge", NotificationBadge.INSTANCE);
    components.put("mojOrganisationSwitcher", OrganisationSwitcher.INSTANCE);
    components.put("mojPageHeaderActions", PageHeaderActions.INSTANCE);
    components.put("mojPrimaryNavigation", PrimaryNavigation.INSTANCE);
    components.put("mojProgressBar", ProgressBar.INSTANCE);
    components.put("mojSideNavigation", SideNavigation.INSTANCE);
    components.put("mojSubNavigation", SubNavigation.INSTANCE);
    components.put("mojTicketPanel", TicketPanel.INSTANCE);
    components.put("mojTimeline", Timeline.INSTANCE);
    components.put("mojMessages", Messages.INSTANCE);
    return java.util.Collections.unmodifiableMap(components);
  }
}
