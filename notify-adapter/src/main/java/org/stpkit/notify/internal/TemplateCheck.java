package org.stpkit.notify.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stpkit.definition.LocatedNode;
import org.stpkit.definition.Problem;
import org.stpkit.notify.Channel;
import org.stpkit.notify.MessageSpec;
import org.stpkit.notify.Milestone;
import org.stpkit.notify.MilestoneCatalogue;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.Template;

/**
 * Checks the catalogue against the templates in Notify, each through its milestone's service: each
 * exists, is for its channel, and has every {@code ((placeholder))} bound (by personalisation or by
 * a file). Letters' address placeholders come from the recipient; letters from a PDF have no template.
 */
final class TemplateCheck {
  private TemplateCheck() {}

  static List<Problem> check(MilestoneCatalogue catalogue, Map<String, NotificationClient> clients) {
    List<Problem> problems = new ArrayList<>();
    for (Milestone milestone : catalogue.milestones().values()) {
      NotificationClient client = clients.get(catalogue.serviceOf(milestone).orElse(""));
      if (client == null) {
        continue;
      }
      String messages = LocatedNode.childPath(LocatedNode.childPath("milestones", milestone.name()), "messages");
      for (int i = 0; i < milestone.messages().size(); i++) {
        MessageSpec message = milestone.messages().get(i);
        String where = LocatedNode.itemPath(messages, i);
        for (Map.Entry<Channel, String> template : message.templateIds().entrySet()) {
          checkOne(where, template.getKey(), template.getValue(), message, client, problems);
        }
      }
    }
    return problems;
  }

  private static void checkOne(String where, Channel channel, String templateId, MessageSpec message,
      NotificationClient client, List<Problem> problems) {
    String at = where + ".templates." + channel.apiName();
    Template template;
    try {
      template = client.getTemplateById(templateId);
    } catch (NotificationClientException e) {
      problems.add(Problem.of("", at, e.getHttpResult() == 404 || e.getHttpResult() == 400
          ? "template " + templateId + " is not in Notify"
          : "cannot read template " + templateId + " from Notify (HTTP " + e.getHttpResult() + "): " + e.getMessage()));
      return;
    }
    if (!template.getTemplateType().equals(channel.apiName())) {
      problems.add(Problem.of("", at, "template " + templateId + " ('" + template.getName() + "') is a "
          + template.getTemplateType() + " template, not " + channel.apiName()));
      return;
    }
    Set<String> bound = new HashSet<>();
    message.personalisation().keySet().forEach(name -> bound.add(normalise(name)));
    message.files().keySet().forEach(name -> bound.add(normalise(name)));
    for (String placeholder : template.getPersonalisation().map(Map::keySet).orElse(Set.of())) {
      boolean address = channel == Channel.LETTER && normalise(placeholder).startsWith("address_line_");
      if (!address && !bound.contains(normalise(placeholder))) {
        problems.add(Problem.of("", where + ".personalisation",
            "((" + placeholder + ")) in template '" + template.getName() + "' is not bound to case data"));
      }
    }
  }

  private static String normalise(String name) {
    return name.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
  }
}
