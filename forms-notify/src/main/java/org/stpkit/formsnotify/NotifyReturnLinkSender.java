package org.stpkit.formsnotify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import org.stpkit.forms.spi.ReturnLink;
import org.stpkit.forms.spi.ReturnLinkSender;
import org.stpkit.notify.CaseData;
import org.stpkit.notify.MilestoneMessenger;

/**
 * Sends forms-engine's "Save and come back later" links through GOV.UK Notify, by reaching a
 * notify-adapter milestone the team puts in its catalogue. The case is the saved journey's id
 * ({@code save-<id>}, no personal data), and its data:
 *
 * <pre>
 * email       the address the user gave          link        the link, with its secret
 * expiresOn   "3 January 2027" (in the user's language)      language    en or cy
 * form.id, form.title                                         expiresAt   ISO-8601
 * </pre>
 *
 * <pre>{@code
 * PROGRESS_SAVED:
 *   messages:
 *     - name: return-link
 *       channel: email
 *       template: 0b5c3f1e-...
 *       recipient: {email: email}
 *       personalisation: {link: link, expires: expiresOn, form: form.title}
 *       priority: urgent
 * }</pre>
 *
 * <p>A Welsh template is a second message with {@code when: {path: language, equals: cy}} (and the
 * English one {@code equals: en}). The message is queued in notify-adapter's outbox and sent once; it
 * holds the link until it is sent and purged ({@code keepFinishedMessagesFor}), so keep that short.
 */
public final class NotifyReturnLinkSender implements ReturnLinkSender {
  private static final Logger LOG = Logger.getLogger(NotifyReturnLinkSender.class.getName());

  private final MilestoneMessenger messenger;
  private final String milestone;

  private NotifyReturnLinkSender(MilestoneMessenger messenger, String milestone) {
    this.messenger = messenger;
    this.milestone = milestone;
  }

  /**
   * Reaching this milestone of the messenger's catalogue for each link.
   *
   * @throws IllegalArgumentException when the catalogue has no such milestone: configure it first
   */
  public static NotifyReturnLinkSender milestone(MilestoneMessenger messenger, String milestone) {
    Objects.requireNonNull(messenger, "messenger");
    Objects.requireNonNull(milestone, "milestone");
    if (!messenger.catalogue().milestones().containsKey(milestone)) {
      String problem = "The milestone catalogue has no milestone '" + milestone + "' to send save-and-return links"
          + " with; it has " + String.join(", ", messenger.catalogue().milestones().keySet());
      LOG.severe(problem);
      throw new IllegalArgumentException(problem);
    }
    return new NotifyReturnLinkSender(messenger, milestone);
  }

  /**
   * Queues the email in notify-adapter's outbox, once per link.
   *
   * @throws org.stpkit.notify.InvalidCaseDataException when Notify could not send it (an address it
   *     refuses): the engine tells the user nothing was saved
   * @throws org.stpkit.notify.NotifyException when the outbox cannot be written
   */
  @Override
  public void send(ReturnLink link) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("email", link.email());
    data.put("link", link.url());
    data.put("expiresOn", link.expiresOn());
    data.put("expiresAt", link.expiresAt().toString());
    data.put("language", link.language());
    data.put("form", Map.of("id", link.formId(), "title", link.formTitle()));
    messenger.reached("save-" + link.id(), milestone, CaseData.of(data));
  }

  @Override
  public String toString() {
    return "Notify milestone " + milestone + " (save-and-return links)";
  }
}
