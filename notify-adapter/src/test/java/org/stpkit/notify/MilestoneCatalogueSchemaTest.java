package org.stpkit.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stpkit.testsupport.SchemaSamples;
import org.stpkit.testsupport.SchemaSamples.Sample;

/**
 * The catalogue's published JSON Schema ({@code milestone-catalogue.schema.json}, which editors and
 * the documentation use) against every catalogue in the repository, and against the mistakes the
 * loader refuses.
 */
class MilestoneCatalogueSchemaTest {
  private static final SchemaSamples SCHEMA = SchemaSamples.load("/org/stpkit/notify/milestone-catalogue.schema.json");

  static List<Sample> samples() {
    Path repository = SchemaSamples.repository();
    List<Sample> samples = new ArrayList<>();
    samples.addAll(SchemaSamples.markdownBlocks(repository.resolve("notify-adapter/README.md"), "yaml", text -> text.contains("milestones:")));
    samples.addAll(SchemaSamples.files(repository.resolve("notify-adapter/src/test/resources"), name -> name.endsWith(".yaml")));
    samples.addAll(SchemaSamples.docsBlocks(repository, "milestone-catalogue"));
    return samples;
  }

  @Test
  void theRepositoryHoldsCataloguesToCheck() {
    assertThat(samples()).extracting(Sample::source)
        .anyMatch(source -> source.contains("README.md:"))
        .anyMatch(source -> source.endsWith("milestones.yaml"));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyCatalogueInTheRepositoryFitsTheSchemaAndLoads(Sample sample) {
    assertThat(SCHEMA.problems(sample)).as(sample.source()).isEmpty();
    assertThat(MilestoneCatalogue.fromYaml(sample.text(), sample.source()).milestones()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    // an unknown channel
    "milestones: {M: {messages: [{name: a, channel: fax, template: 0f6c5a10-4b7e-4c8d-9a21-3e5f7b9d1c01, recipient: {email: e}}]}}",
    // a template id that is not a UUID
    "milestones: {M: {messages: [{name: a, channel: email, template: welcome, recipient: {email: e}}]}}",
    // a misspelt setting
    "milestones: {M: {messages: [{name: a, channel: email, template: 0f6c5a10-4b7e-4c8d-9a21-3e5f7b9d1c01, recipient: {email: e}, personalization: {}}]}}",
    // an unknown kind of recipient
    "milestones: {M: {messages: [{name: a, channel: sms, template: 0f6c5a10-4b7e-4c8d-9a21-3e5f7b9d1c01, recipient: {mobile: m}}]}}",
    // a milestone without messages
    "milestones: {M: {messages: []}}",
    // no milestones
    "milestones: {}",
    // international postage for a letter from a PDF, which Notify's API refuses
    "milestones: {M: {messages: [{name: a, channel: letter, pdf: decision.pdf, postage: europe}]}}"
  })
  void refusesWhatTheLoaderRefuses(String yaml) {
    assertThat(SCHEMA.problems(new Sample("mistake", "", yaml))).as(yaml).isNotEmpty();
    assertThatThrownBy(() -> MilestoneCatalogue.fromYaml(yaml, "mistake.yaml")).isInstanceOf(InvalidCatalogueException.class);
  }
}
