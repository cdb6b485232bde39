package org.stpkit.formsnotify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.stpkit.formsoutbox.spi.Delivery;
import org.stpkit.formsoutbox.spi.DeliveryOutcome;
import org.stpkit.formsoutbox.spi.SubmissionOutput;
import org.stpkit.notify.CaseData;
import org.stpkit.notify.InvalidCaseDataException;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.notify.NotifyException;

/**
 * Delivers a submission by reaching a notify-adapter milestone with it: the case is the submission's
 * reference, and the case data its JSON ({@code reference}, {@code form.id}, {@code submittedAt},
 * {@code answers.<question>}...) with any values added here, so the catalogue reads the user's email
 * from {@code answers.email} and the team's from a value such as {@code team.email}:
 *
 * <pre>{@code
 * .output("emails", NotifyOutput.milestone(messenger, "LICENCE_APPLIED_FOR").with("team", Map.of("email", "licensing@example.gov.uk")))
 * }</pre>
 *
 * <p>Each message is sent once: notify-adapter queues a milestone's message once per case and
 * recipient, so a repeated delivery queues nothing new. With {@link #inFormsTransaction()} (when the
 * messenger's outbox is in the forms database) the messages are queued in the transaction that
 * records the delivery. Case data Notify could not use (no email answer, a bad address) is refused
 * with notify-adapter's reasons: a dead letter an operator can redrive once the catalogue is fixed.
 */
public final class NotifyOutput implements SubmissionOutput {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final MilestoneMessenger messenger;
  private final String milestone;
  private final Map<String, Object> added;
  private final boolean inFormsTransaction;

  private NotifyOutput(MilestoneMessenger messenger, String milestone, Map<String, Object> added,
      boolean inFormsTransaction) {
    this.messenger = messenger;
    this.milestone = milestone;
    this.added = Map.copyOf(added);
    this.inFormsTransaction = inFormsTransaction;
  }

  /**
   * Reaching this milestone of the messenger's catalogue.
   *
   * @throws IllegalArgumentException when the catalogue has no such milestone
   */
  public static NotifyOutput milestone(MilestoneMessenger messenger, String milestone) {
    Objects.requireNonNull(messenger, "messenger");
    Objects.requireNonNull(milestone, "milestone");
    if (!messenger.catalogue().milestones().containsKey(milestone)) {
      throw new IllegalArgumentException("The milestone catalogue has no milestone '" + milestone + "'; it has "
          + String.join(", ", messenger.catalogue().milestones().keySet()));
    }
    return new NotifyOutput(messenger, milestone, Map.of(), false);
  }

  /** A value added to the case data beside the submission's own, such as the team's address. */
  public NotifyOutput with(String key, Object value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (key.equals("reference") || key.equals("form") || key.equals("answers") || key.equals("route")
        || key.equals("submittedAt") || key.equals("schemaVersion")) {
      throw new IllegalArgumentException("'" + key + "' is the submission's own; add values under another name");
    }
    Map<String, Object> more = new LinkedHashMap<>(added);
    more.put(key, value);
    return new NotifyOutput(messenger, milestone, more, inFormsTransaction);
  }

  /** Queue the messages in the transaction that records the delivery: the messenger's outbox must be in the forms database. */
  public NotifyOutput inFormsTransaction() {
    return new NotifyOutput(messenger, milestone, added, true);
  }

  @Override
  public DeliveryOutcome deliver(Delivery delivery) {
    Map<String, Object> data;
    try {
      data = new LinkedHashMap<>(JSON.readValue(delivery.submission().json(), MAP));
    } catch (JsonProcessingException e) {
      return DeliveryOutcome.refused("the submission's JSON cannot be read: " + e.getOriginalMessage());
    }
    data.putAll(added);
    String caseRef = delivery.submission().reference();
    try {
      if (inFormsTransaction) {
        messenger.reached(caseRef, milestone, CaseData.of(data), delivery.transaction());
      } else {
        messenger.reached(caseRef, milestone, CaseData.of(data));
      }
      return DeliveryOutcome.delivered();
    } catch (InvalidCaseDataException e) {
      return DeliveryOutcome.refused("milestone " + milestone + ": " + e.getMessage());
    } catch (NotifyException e) {
      return DeliveryOutcome.retryLater("milestone " + milestone + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "Notify milestone " + milestone;
  }
}
