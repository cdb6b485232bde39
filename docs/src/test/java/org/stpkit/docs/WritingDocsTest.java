package org.stpkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stpkit.templates.GovukTemplates;

/** The sample of docs/developers/writing-docs.md: what an included region looks like in a test. */
class WritingDocsTest {
  @Test
  void aTaggedRegionIsTheSampleAndTheTestRunsIt() {
    // tag::example[]
    // A sample is the code between the tag and end comments; the assertions after it are the test's.
    String html = GovukTemplates.create().render("tag", Map.of("text", "Beta"));
    // end::example[]
    assertThat(html).contains("govuk-tag", "Beta");
  }
}
