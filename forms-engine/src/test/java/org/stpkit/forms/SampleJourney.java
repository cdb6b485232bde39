package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample form answered as someone in England who needs step-free access would answer it. */
final class SampleJourney {
  private final JourneyDriver browser;
  private final String mount;

  SampleJourney(JourneyDriver browser, String mount) {
    this.browser = browser;
    this.mount = mount;
  }

  /** Every page from the start to check your answers, each answer checked to have been taken. */
  void answerEveryPage() {
    browser.get(mount + "/");
    answer("/full-name", "fullName-given", "Jo", "fullName-family", "Bloggs");
    answer("/date-of-birth", "dateOfBirth-day", "27", "dateOfBirth-month", "3", "dateOfBirth-year", "1990");
    answer("/age", "age", "35");
    answer("/contact", "email", "jo@example.com", "phone", "");
    answer("/address", "address-line1", "1 High Street", "address-town", "London", "address-postcode", "sw1a1aa");
    answer("/country", "country", "england");
    answer("/postcode", "postcode", "sw1a 1aa");
    answer("/ni-number", "niNumber", "jh 12 34 56 c");
    answer("/has-licence", "hasLicence", "no");
    answer("/help", "help", "access");
    answer("/help-details", "helpDetails", "A ramp to the river, please");
    answer("/fee", "donation", "£12.50");
    answer("/licence-name", "licenceName", "Jo Bloggs");
    browser.get(mount + "/check-answers");
  }

  private void answer(String page, String... fields) {
    browser.get(mount + page);
    JourneyDriver.Shown next = browser.post(mount + page, fields);
    assertThat(next.html().select(".govuk-error-summary").text()).as("errors after answering " + page).isEmpty();
  }
}
