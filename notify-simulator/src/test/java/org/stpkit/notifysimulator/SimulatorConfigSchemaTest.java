package org.stpkit.notifysimulator;

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
 * The configuration's published JSON Schema ({@code simulator-config.schema.json}) against every
 * configuration in the repository, and against the mistakes the loader refuses.
 */
class SimulatorConfigSchemaTest {
  private static final SchemaSamples SCHEMA = SchemaSamples.load("/org/stpkit/notifysimulator/simulator-config.schema.json");

  static List<Sample> samples() {
    Path repository = SchemaSamples.repository();
    List<Sample> samples = new ArrayList<>();
    samples.addAll(SchemaSamples.markdownBlocks(repository.resolve("notify-simulator/README.md"), "yaml", text -> text.contains("templates:")));
    samples.addAll(SchemaSamples.files(repository.resolve("notify-simulator/src"), name -> name.endsWith("config.yaml")));
    samples.addAll(SchemaSamples.docsBlocks(repository, "simulator-config"));
    return samples;
  }

  @Test
  void theRepositoryHoldsConfigurationsToCheck() {
    assertThat(samples()).extracting(Sample::source)
        .anyMatch(source -> source.contains("README.md:"))
        .anyMatch(source -> source.endsWith("example-config.yaml"));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyConfigurationInTheRepositoryFitsTheSchemaAndLoads(Sample sample) {
    assertThat(SCHEMA.problems(sample)).as(sample.source()).isEmpty();
    assertThat(SimulatorConfig.fromYaml(sample.text(), sample.source()).templates()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "templates:\n  - {id: 2f0d5a8c-1111-4a2b-9c3d-4e5f6a7b8c9d, type: fax, body: x}\n",
    "templates:\n  - {id: 12, type: sms, body: x}\n",
    "tempaltes: []\n",
    "templates:\n  - {id: 2f0d5a8c-1111-4a2b-9c3d-4e5f6a7b8c9d, type: email, body: x}\n",
    "templates: []\napiKeys:\n  - {name: k, type: admin}\n"
  })
  void refusesWhatTheLoaderRefuses(String yaml) {
    assertThat(SCHEMA.problems(new Sample("mistake", "", yaml))).as(yaml).isNotEmpty();
    assertThatThrownBy(() -> SimulatorConfig.fromYaml(yaml, "mistake.yaml")).isInstanceOf(SimulatorException.class);
  }
}
