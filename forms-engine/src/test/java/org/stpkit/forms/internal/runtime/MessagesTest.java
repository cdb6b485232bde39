package org.stpkit.forms.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.FormsException;

class MessagesTest {
  @Test
  void everyMessageInTheBundleIsAPatternThatKeepsItsApostrophes() {
    ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT);
    for (String key : bundle.keySet()) {
      String pattern = bundle.getString(key);
      assertThat(new MessageFormat(pattern, Locale.UK).toPattern()).as(key).isNotEmpty();
      // A lone ASCII quote starts a quoted run in MessageFormat and would vanish from the page.
      assertThat(pattern.replace("''", "")).as(key).doesNotContain("'");
    }
  }

  @Test
  void theWelshBundleHasEveryMessageTheEnglishOneHas() throws Exception {
    java.util.Properties english = new java.util.Properties();
    java.util.Properties welsh = new java.util.Properties();
    try (var in = Messages.class.getResourceAsStream("/org/stpkit/forms/messages/forms.properties");
        var inWelsh = Messages.class.getResourceAsStream("/org/stpkit/forms/messages/forms_cy.properties")) {
      english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      welsh.load(new java.io.InputStreamReader(inWelsh, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(welsh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    assertThat(new Messages("cy", Map.of()).get("timedOut.deleted", 30L)).contains("30 munud");
  }

  @Test
  void fillsInArgumentsWithPluralsAndPrefersATeamsOverride() {
    Messages messages = new Messages("en", Map.of("button.continue", "Save and continue"));

    assertThat(messages.get("timedOut.deleted", 1L)).contains("for 1 minute.");
    assertThat(messages.get("timedOut.deleted", 30L)).contains("for 30 minutes.");
    assertThat(messages.get("button.continue")).isEqualTo("Save and continue");
    assertThat(messages.get("page.back")).isEqualTo("Back");
  }

  @Test
  void aMissingMessageNamesItsKeyAndLanguage() {
    assertThatThrownBy(() -> new Messages("en", Map.of()).get("no.such.key"))
        .isInstanceOf(FormsException.class).hasMessageContaining("'no.such.key'").hasMessageContaining("'en'");
  }
}
