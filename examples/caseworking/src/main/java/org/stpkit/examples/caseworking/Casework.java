package org.stpkit.examples.caseworking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stpkit.notify.CaseData;
import org.stpkit.notify.TimelineEntry;
import org.stpkit.spring.notify.TransactionalMilestones;

/**
 * What caseworkers do to an application: each milestone is recorded and reaches the Notify
 * catalogue's milestone in one transaction, so the applicant's messages are sent only if the
 * record is kept. Recording a milestone a second time changes nothing.
 */
@Service
public class Casework {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Applications applications;
  private final TransactionalMilestones milestones;
  private final Clock clock;

  public Casework(Applications applications, TransactionalMilestones milestones, Clock clock) {
    this.applications = applications;
    this.milestones = milestones;
    this.clock = clock;
  }

  public List<Application> applications() {
    return applications.all();
  }

  public Optional<Application> application(String reference) {
    return applications.find(reference);
  }

  public List<CaseEvent> events(String reference) {
    return applications.events(reference);
  }

  /** Every message the case's milestones made, with its delivery events. */
  public List<TimelineEntry> messages(String reference) {
    return milestones.timeline(reference);
  }

  @Transactional
  public void received(Application application, String caseworker) {
    record(application, Milestone.APPLICATION_RECEIVED, Optional.empty(), Map.of(), caseworker);
  }

  @Transactional
  public void biometricsBooked(Application application, LocalDate appointment, String caseworker) {
    String day = DAY.format(appointment);
    record(application, Milestone.BIOMETRICS_BOOKED, Optional.of(day), Map.of("biometrics", Map.of("appointment", day)),
        caseworker);
  }

  @Transactional
  public void decided(Application application, Decision decision, String outcomeText, String caseworker) {
    record(application, Milestone.DECISION_MADE, Optional.of(decision.name()),
        Map.of("decision", Map.of("outcome", outcomeText)), caseworker);
  }

  /** Whether a milestone has been recorded on the application. */
  public boolean reached(String reference, Milestone milestone) {
    return applications.events(reference).stream().anyMatch(event -> event.milestone() == milestone);
  }

  private void record(Application application, Milestone milestone, Optional<String> detail, Map<String, Object> data,
      String caseworker) {
    if (reached(application.reference(), milestone)) {
      return;
    }
    applications.record(application.reference(), new CaseEvent(milestone, detail, caseworker, clock.instant()));
    Map<String, Object> caseData = new LinkedHashMap<>(data);
    caseData.put("applicant", Map.of("name", application.applicantName().split(" ")[0], "email", application.applicantEmail()));
    milestones.reached(application.reference(), milestone.name(), CaseData.of(caseData));
  }
}
