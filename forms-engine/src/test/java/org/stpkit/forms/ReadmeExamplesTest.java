package org.stpkit.forms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.servlet.FormServlet;

/** The README's Java examples, run as written (the YAML example is checked by FormDefinitionsTest). */
class ReadmeExamplesTest {
  record Licence(PersonName fullName, @Min(value = 12, message = "You must be 12 or older to apply") int age,
      Optional<String> region, LocalDate dateOfBirth, List<String> help) {}

  @Test
  void servesAFormFromJavaAndBindsItsAnswers() {
    FormDefinition form = FormDefinitions.load(Path.of("samples/every-question-type.yaml"));
    FormEngine engine = FormEngine.builder(form)
        .mountPath("/apply")
        .bindAnswersTo(Licence.class)
        .submissionHandler(submission -> submission.answersAs(Licence.class))
        .build();
    FormServlet servlet = FormServlet.of(engine);

    FormResponse response = engine.handle(FormRequest.get("/", Optional.empty()));
    assertThat(response).isInstanceOfSatisfying(FormResponse.Redirect.class,
        redirect -> assertThat(redirect.location()).isEqualTo("/apply/full-name"));
    assertThat(servlet).isNotNull();
  }
}
