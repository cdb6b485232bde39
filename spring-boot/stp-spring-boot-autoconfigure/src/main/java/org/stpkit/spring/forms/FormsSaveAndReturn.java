package org.stpkit.spring.forms;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.SaveAndReturn;
import org.stpkit.forms.spi.ProgressStore;
import org.stpkit.forms.spi.ReturnLinkSender;
import org.stpkit.spring.StpConfigurationException;

/**
 * What each form whose definition offers "Save and come back later" ({@code saveAndReturn}) is
 * given: the application's {@link SaveAndReturn} bean, or one made from {@code
 * stp.forms.save-and-return.*} with the application's {@link ProgressStore} and {@link
 * ReturnLinkSender} beans. Checked for every such form before any is served, and every gap reported
 * at once: without it the engine would refuse the form with advice written for code, not for
 * configuration.
 */
final class FormsSaveAndReturn {
  private static final String PREFIX = "stp.forms.save-and-return.";
  private static final String NOTIFY_SENDER = "org.stpkit.formsnotify.NotifyReturnLinkSender";

  private FormsSaveAndReturn() {}

  /**
   * Save and return for each form that offers it, by form id; none for the others.
   *
   * @param own the application's SaveAndReturn bean, if it has one
   * @param paths where each form is served, for the examples in the messages
   * @param classLoader the application's, to say whether forms-notify is there to send with a milestone
   * @throws StpConfigurationException naming each form and each property or bean missing
   */
  static Map<String, SaveAndReturn> forForms(Collection<FormDefinition> definitions, Map<String, String> paths,
      StpFormsProperties.SaveAndReturnProperties properties, @Nullable SaveAndReturn own,
      @Nullable ProgressStore store, @Nullable ReturnLinkSender sender, @Nullable ClassLoader classLoader) {
    List<String> offering = definitions.stream().filter(form -> form.saveAndReturn().isPresent())
        .map(FormDefinition::id).toList();
    if (offering.isEmpty()) {
      return Map.of();
    }
    if (own != null) {
      if (offering.size() > 1) {
        throw new StpConfigurationException("One SaveAndReturn bean for several forms", List.of("forms " + offering
            + " offer save and return, and the application's SaveAndReturn bean has one form address: "
            + own.formUrl()), "Remove the bean and configure each form: " + PREFIX + "form-url.<form id>, with a"
            + " ProgressStore bean and a ReturnLinkSender bean (or " + PREFIX + "milestone with the notify starter).");
      }
      return Map.of(offering.get(0), own);
    }
    List<String> problems = new ArrayList<>();
    Duration validFor = properties.linkValidFor();
    boolean validForUsable = !validFor.isNegative() && !validFor.isZero();
    if (!validForUsable) {
      problems.add(PREFIX + "link-valid-for=" + validFor + ": a link must work for some time, such as 28d");
    }
    Map<String, SaveAndReturn> saving = new LinkedHashMap<>();
    for (String id : offering) {
      URI formUrl = properties.formUrl().get(id);
      if (formUrl == null) {
        problems.add("form '" + id + "' offers save and return (saveAndReturn in its definition), but " + PREFIX
            + "form-url." + id + " is not set: the form's public address, such as https://apply.example.gov.uk"
            + paths.getOrDefault(id, "/" + id));
      } else if (store != null && sender != null) {
        try {
          // maxWrongAnswers is checked with the properties; what the builder refuses here is the address.
          SaveAndReturn.Builder builder = SaveAndReturn.builder(formUrl, store, sender)
              .maxWrongAnswers(properties.maxWrongAnswers());
          if (validForUsable) {
            saving.put(id, builder.linkValidFor(validFor).build());
          }
        } catch (IllegalArgumentException e) {
          problems.add(PREFIX + "form-url." + id + "=" + formUrl + ": " + e.getMessage());
        }
      }
    }
    if (store == null) {
      problems.add(describe(offering) + " save and return, but the application has no single ProgressStore bean:"
          + " where saved journeys are kept, such as forms-outbox's FormsProgressStore");
    }
    if (sender == null) {
      problems.add(describe(offering) + " save and return, but the application has no single ReturnLinkSender bean"
          + (properties.milestone() == null ? ", and " + PREFIX + "milestone is not set"
          : ClassUtils.isPresent(NOTIFY_SENDER, classLoader) ? ""
          : "; " + PREFIX + "milestone=" + properties.milestone() + " needs forms-notify (org.stpkit:forms-notify)"
              + " on the class path to send with"));
    }
    if (!problems.isEmpty()) {
      throw new StpConfigurationException("Save and return is offered but not configured", problems,
          "For each form: set " + PREFIX + "form-url.<form id>, and define a ProgressStore bean (forms-outbox's"
              + " FormsProgressStore) and a ReturnLinkSender bean, or set " + PREFIX + "milestone to the notify"
              + " catalogue's milestone that emails the link (with forms-notify and the notify starter). Or define"
              + " one SaveAndReturn bean; or take saveAndReturn out of the definition.");
    }
    return saving;
  }

  private static String describe(List<String> forms) {
    return forms.size() == 1 ? "form '" + forms.get(0) + "' offers" : "forms " + forms + " offer";
  }
}
