package org.stpkit.cli.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stpkit.cli.internal.web.PageTemplates;
import org.stpkit.idam.AccessReview;
import org.stpkit.idam.UserStatus;
import org.stpkit.templates.GovukAssets;

/**
 * The access review as one self-contained GOV.UK page (govuk-frontend's stylesheet inside it), from
 * the template {@code idam/access-review.ftlh}: this class only turns the review into the plain maps
 * and lists the template reads.
 */
final class AccessReviewPage {
  private static final PageTemplates TEMPLATES = new PageTemplates("/org/stpkit/cli/idam");

  private AccessReviewPage() {}

  static String render(AccessReview review, String managedBy) {
    return TEMPLATES.render("access-review.ftlh", model(review, managedBy));
  }

  private static Map<String, Object> model(AccessReview review, String managedBy) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("day", review.day().toString());
    model.put("managedBy", managedBy);
    model.put("stylesheet", new String(GovukAssets.find(GovukAssets.STYLESHEET).orElseThrow().content(),
        StandardCharsets.UTF_8));
    model.put("handGranted", review.count(AccessReview.Flag.HAND_GRANTED_ACCESS));
    model.put("disabledByHand", review.count(AccessReview.Flag.DISABLED_BY_HAND));
    model.put("awaitingDeletion", review.count(AccessReview.Flag.AWAITING_DELETION));
    model.put("byDepartment", counts(review.peopleByDepartment()));
    model.put("byRule", counts(review.peopleByRule()));
    List<Map<String, Object>> people = new ArrayList<>();
    for (AccessReview.Person person : review.people()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("employeeNumber", person.employeeNumber());
      row.put("username", person.username());
      row.put("name", person.name());
      row.put("department", person.department());
      row.put("status", person.status().map(UserStatus::attributeValue).orElse("") + (person.enabled() ? "" : ", disabled"));
      List<Map<String, Object>> access = new ArrayList<>();
      for (AccessReview.Access held : person.access()) {
        access.add(Map.of("grant", held.grant().key(), "basis", AccessReview.label(held.basis()), "rules", held.rules()));
      }
      row.put("access", access);
      row.put("flags", person.flags().stream().map(AccessReview::label).toList());
      row.put("deleteOn", person.deleteOn().map(LocalDate::toString).orElse(""));
      people.add(row);
    }
    model.put("people", people);
    return model;
  }

  private static List<Map<String, Object>> counts(Map<String, Integer> counts) {
    List<Map<String, Object>> rows = new ArrayList<>();
    counts.forEach((name, count) -> rows.add(Map.of("name", name.isEmpty() ? "(none given)" : name, "count", count)));
    return rows;
  }
}
