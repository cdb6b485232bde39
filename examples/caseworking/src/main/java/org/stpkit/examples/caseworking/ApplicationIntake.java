package org.stpkit.examples.caseworking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.Option;
import org.stpkit.forms.PersonName;
import org.stpkit.forms.Question;
import org.stpkit.forms.spi.Submission;
import org.stpkit.forms.spi.SubmissionHandler;
import org.stpkit.notify.CaseData;
import org.stpkit.spring.forms.ServedForms;
import org.stpkit.spring.notify.TransactionalMilestones;

/**
 * Where the citizen's completed form goes: the application is stored and the confirmation email
 * queued in one transaction, so either both happen or neither does (and the citizen is asked to
 * try again). The form's reference is the case reference.
 */
@Component
public class ApplicationIntake implements SubmissionHandler {
  static final String FORM_ID = "apply-to-extend";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Applications applications;
  private final TransactionalMilestones milestones;
  // The forms are built with this handler, so they are looked up when a form is sent, not at start-up.
  private final ObjectProvider<ServedForms> forms;
  private final Clock clock;

  public ApplicationIntake(Applications applications, TransactionalMilestones milestones, ObjectProvider<ServedForms> forms,
      Clock clock) {
    this.applications = applications;
    this.milestones = milestones;
    this.forms = forms;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void submit(Submission submission) {
    if (!submission.formId().equals(FORM_ID)) {
      throw new IllegalArgumentException("This service takes only the " + FORM_ID + " form, not " + submission.formId());
    }
    FormDefinition form = forms.getObject().byId(FORM_ID).orElseThrow().engine().form();
    PersonName name = (PersonName) submission.answers().get("fullName");
    String email = (String) submission.answers().get("email");
    applications.add(new Application(submission.reference(), name.toString(), email,
        (String) submission.answers().get("permissionType"), shown(form, submission.answers()),
        Milestone.APPLICATION_SUBMITTED, submission.submittedAt()));
    applications.record(submission.reference(), new CaseEvent(Milestone.APPLICATION_SUBMITTED,
        java.util.Optional.empty(), name.toString(), clock.instant()));
    milestones.reached(submission.reference(), Milestone.APPLICATION_SUBMITTED.name(),
        CaseData.of(Map.of("applicant", Map.of("name", name.givenName(), "email", email))));
  }

  /** The answers as a caseworker reads them, labelled by the form's own questions. */
  private static Map<String, String> shown(FormDefinition form, Map<String, Object> answers) {
    Map<String, String> shown = new LinkedHashMap<>();
    for (Question question : form.questions()) {
      Object answer = answers.get(question.name());
      if (answer != null) {
        shown.put(question.label().in("en"), text(question.options(), answer));
      }
    }
    return shown;
  }

  private static String text(List<Option> options, Object answer) {
    if (answer instanceof LocalDate date) {
      return DAY.format(date);
    }
    for (Option option : options) {
      if (option.value().equals(answer)) {
        return option.text().in("en");
      }
    }
    return String.valueOf(answer);
  }
}
