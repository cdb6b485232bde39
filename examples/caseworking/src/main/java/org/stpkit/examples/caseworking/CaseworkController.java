package org.stpkit.examples.caseworking;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caseworker's pages: the applications, one case with its messages' delivery timeline, and the
 * milestones recorded on it. Input a caseworker can type is checked here and shown back with GOV.UK
 * error messages; it never becomes a 500.
 */
@Controller
class CaseworkController {
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final Casework casework;
  private final CaseViews views;
  private final Clock clock;

  CaseworkController(Casework casework, CaseViews views, Clock clock) {
    this.casework = casework;
    this.views = views;
    this.clock = clock;
  }

  @GetMapping("/cases")
  String applications(Model model) {
    model.addAttribute("applications", views.rows(casework.applications()));
    return "cases/list";
  }

  @GetMapping("/cases/{reference}")
  String application(@PathVariable String reference, Model model, Authentication user) {
    return page(find(reference), model, user, Map.of(), Map.of());
  }

  @PostMapping("/cases/{reference}/received")
  String received(@PathVariable String reference, Authentication user) {
    casework.received(find(reference), user.getName());
    return "redirect:/cases/" + reference;
  }

  @PostMapping("/cases/{reference}/biometrics")
  String biometrics(@PathVariable String reference, @RequestParam(name = "appointment-day", defaultValue = "") String day,
      @RequestParam(name = "appointment-month", defaultValue = "") String month,
      @RequestParam(name = "appointment-year", defaultValue = "") String year, Model model, Authentication user) {
    Application application = find(reference);
    Optional<String> problem = Optional.empty();
    LocalDate appointment = null;
    if (day.isBlank() && month.isBlank() && year.isBlank()) {
      problem = Optional.of("error.appointment.required");
    } else {
      try {
        appointment = LocalDate.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()), Integer.parseInt(day.trim()));
        if (appointment.isBefore(LocalDate.now(clock.withZone(UK)))) {
          problem = Optional.of("error.appointment.past");
        }
      } catch (NumberFormatException | DateTimeException e) {
        problem = Optional.of("error.appointment.real");
      }
    }
    if (problem.isPresent() || appointment == null) {
      Map<String, String> typed = Map.of("day", day, "month", month, "year", year);
      return page(application, model, user, Map.of("appointment", problem.orElse("error.appointment.real")), typed);
    }
    casework.biometricsBooked(application, appointment, user.getName());
    return "redirect:/cases/" + reference;
  }

  @PostMapping("/cases/{reference}/decision")
  @PreAuthorize("hasRole('caseworking-service:decide')")
  String decision(@PathVariable String reference, @RequestParam(defaultValue = "") String outcome, Model model,
      Authentication user) {
    Application application = find(reference);
    Optional<Decision> decision = Decision.fromFormValue(outcome);
    if (decision.isEmpty()) {
      return page(application, model, user, Map.of("outcome", "error.outcome.required"), Map.of());
    }
    casework.decided(application, decision.get(), views.words().get("decision." + decision.get().formValue()), user.getName());
    return "redirect:/cases/" + reference;
  }

  private String page(Application application, Model model, Authentication user, Map<String, String> errors,
      Map<String, String> typed) {
    model.addAttribute("application", application);
    model.addAttribute("answers", application.answers());
    model.addAttribute("status", application.status().name());
    model.addAttribute("events", views.events(casework.events(application.reference())));
    model.addAttribute("messages", views.messages(casework.messages(application.reference())));
    Map<String, Boolean> done = new LinkedHashMap<>();
    for (Milestone milestone : Milestone.values()) {
      done.put(milestone.name(), casework.reached(application.reference(), milestone));
    }
    model.addAttribute("done", done);
    model.addAttribute("canDecide", user.getAuthorities().stream()
        .anyMatch(authority -> authority.getAuthority().equals("ROLE_caseworking-service:decide")));
    model.addAttribute("errors", errors);
    model.addAttribute("typed", typed);
    return "cases/case";
  }

  private Application find(String reference) {
    return casework.application(reference).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
