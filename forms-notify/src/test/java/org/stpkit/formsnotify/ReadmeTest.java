package org.stpkit.formsnotify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stpkit.notify.MilestoneCatalogue;
import org.stpkit.testsupport.SchemaSamples;

/** The README's catalogues are the ones NotifyOutputIT and NotifyReturnLinkSenderIT send with, and valid. */
class ReadmeTest {
  @Test
  void theReadmesCatalogueIsTheOneTheTestsSendWith() throws Exception {
    List<SchemaSamples.Sample> samples = SchemaSamples.markdownBlocks(Path.of("README.md"), "yaml",
        text -> text.contains("milestones:"));
    assertThat(samples).hasSize(2);
    String tested = Files.readString(Path.of("src/test/resources/notify-milestones.yaml"));
    assertThat(tested).endsWith(samples.get(0).text());
    assertThat(MilestoneCatalogue.fromYaml(samples.get(0).text(), "README.md").milestones())
        .containsOnlyKeys("LICENCE_APPLIED_FOR");
    // The save-and-return links' catalogue, the one NotifyReturnLinkSenderIT sends with.
    assertThat(Files.readString(Path.of("src/test/resources/return-links.yaml"))).endsWith(samples.get(1).text());
    assertThat(MilestoneCatalogue.fromYaml(samples.get(1).text(), "README.md").milestones())
        .containsOnlyKeys("PROGRESS_SAVED");
  }
}
