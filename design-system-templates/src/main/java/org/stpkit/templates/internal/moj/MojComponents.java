package org.stpkit.templates.internal.moj;

import java.util.LinkedHashMap;
import java.util.Map;
import org.stpkit.templates.internal.html.Component;

/**
 * Every MoJ Frontend component, by its Nunjucks macro name, in the order of MoJ's component folders
 * (the probation services' own, {@code domain-specific/probation}, last).
 */
public final class MojComponents {
  private static final Map<String, Component> BY_MACRO = byMacro();

  private MojComponents() {}

  /** Macro name to component, in a fixed order. */
  public static Map<String, Component> all() {
    return BY_MACRO;
  }

  private static Map<String, Component> byMacro() {
    Map<String, Component> components = new LinkedHashMap<>();
    components.put("mojAddAnother", AddAnother.INSTANCE);
    components.put("mojAlert", Alert.INSTANCE);
    components.put("mojBadge", Badge.INSTANCE);
    components.put("mojBanner", Banner.INSTANCE);
    components.put("mojButtonMenu", ButtonMenu.INSTANCE);
    components.put("mojCookieBanner", CookieBanner.INSTANCE);
    components.put("mojCurrencyInput", CurrencyInput.INSTANCE);
    components.put("mojDatePicker", DatePicker.INSTANCE);
    components.put("mojFilter", Filter.INSTANCE);
    components.put("mojHeader", Header.INSTANCE);
    components.put("mojIdentityBar", IdentityBar.INSTANCE);
    components.put("interruptionCard", InterruptionCard.INSTANCE);
    components.put("mojMessages", Messages.INSTANCE);
    components.put("mojMultiFileUpload", MultiFileUpload.INSTANCE);
    components.put("mojNotificationBadge", NotificationBadge.INSTANCE);
    components.put("mojOrganisationSwitcher", OrganisationSwitcher.INSTANCE);
    components.put("mojPageHeaderActions", PageHeaderActions.INSTANCE);
    components.put("mojPagination", MojPagination.INSTANCE);
    components.put("mojPrimaryNavigation", PrimaryNavigation.INSTANCE);
    components.put("mojProgressBar", ProgressBar.INSTANCE);
    components.put("mojSearch", Search.INSTANCE);
    components.put("mojSideNavigation", SideNavigation.INSTANCE);
    components.put("mojSubNavigation", SubNavigation.INSTANCE);
    components.put("mojTaskList", TaskList.INSTANCE);
    components.put("mojTicketPanel", TicketPanel.INSTANCE);
    components.put("mojTimeline", Timeline.INSTANCE);
    components.put("pdsFooter", PdsFooter.INSTANCE);
    components.put("pdsHeader", PdsHeader.INSTANCE);
    return java.util.Collections.unmodifiableMap(components);
  }
}
