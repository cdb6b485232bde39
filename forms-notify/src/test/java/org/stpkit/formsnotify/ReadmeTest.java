package org.stpkit.formsnotify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stpkit.notify.MilestoneCatalogue;
import org.stpkit.testsupport.SchemaSamples;

/** The README's catalogue is the one NotifyOutputIT sends with, and a valid catalogue. */
class ReadmeTest {
  @Test
  void theReadmesCatalogueIsTheOneTheTestsSendWith() throws Exception {
    List<SchemaSamples.Sample> samples = SchemaSamples.markdownBlocks(Path.of("README.md"), "yaml",
        text -> text.contains("milestones:"));
    assertThat(samples).hasSize(1);
    String tested = Files.readString(Path.of("src/test/resources/notify-milestones.yaml"));
    assertThat(tested).endsWith(samples.get(0).text());
    assertThat(MilestoneCatalogue.fromYaml(samples.get(0).text(), "README.md").milestones())
        .containsOnlyKeys("LICENCE_APPLIED_FOR");
  }
}
