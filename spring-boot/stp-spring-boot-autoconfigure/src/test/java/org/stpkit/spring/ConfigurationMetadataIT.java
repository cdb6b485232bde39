package org.stpkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;

/**
 * The packaged jar, as a service's build gets it: the properties metadata the annotation processor
 * generates (so IDEs complete and document {@code stp.*}), the auto-configurations Boot imports, and
 * the failure analyzer.
 */
class ConfigurationMetadataIT {
  private static final Path JAR = Path.of(System.getProperty("stp.autoconfigureJar", "target/missing.jar"));

  private static final List<String> PROPERTIES = List.of(
      "stp.templates.enabled", "stp.templates.validate-params", "stp.templates.asset-path", "stp.templates.serve-assets",
      "stp.forms.enabled", "stp.forms.locations", "stp.forms.paths", "stp.forms.session-timeout",
      "stp.forms.max-body-size", "stp.forms.max-fields", "stp.forms.save-and-return.form-url",
      "stp.forms.save-and-return.link-valid-for", "stp.forms.save-and-return.max-wrong-answers",
      "stp.forms.save-and-return.milestone",
      "stp.notify.enabled", "stp.notify.catalogue", "stp.notify.api-key", "stp.notify.base-url",
      "stp.notify.outbox.database", "stp.notify.outbox.embedded-file", "stp.notify.dispatch",
      "stp.notify.check-templates-at-startup", "stp.notify.rate-limit-per-minute", "stp.notify.max-attempts",
      "stp.notify.status-poll-after", "stp.notify.receipts.path", "stp.notify.receipts.bearer-token",
      "stp.notify.simulator.mode", "stp.notify.simulator.config", "stp.notify.simulator.host",
      "stp.notify.simulator.port", "stp.notify.simulator.delivery-delay", "stp.notify.simulator.callback-url",
      "stp.notify.health.max-backlog-age",
      "stp.idam.enabled", "stp.idam.keycloak.server-url", "stp.idam.keycloak.realm", "stp.idam.keycloak.client-id",
      "stp.idam.keycloak.client-secret", "stp.idam.keycloak.audience", "stp.idam.keycloak.registration-id",
      "stp.idam.keycloak.scopes", "stp.idam.roles.clients", "stp.idam.roles.prefix",
      "stp.idam.login.back-channel-logout", "stp.idam.login.token-check", "stp.idam.login.post-logout-redirect",
      "stp.idam.reconcile.enabled", "stp.idam.reconcile.feed", "stp.idam.reconcile.policy",
      "stp.idam.reconcile.every", "stp.idam.reconcile.initial-delay", "stp.idam.reconcile.client-id",
      "stp.idam.reconcile.client-secret", "stp.idam.reconcile.audit-log", "stp.idam.reconcile.allow-mass-change");

  @Test
  void theJarDescribesEveryPropertyWithItsDefault() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      ZipEntry metadata = jar.getEntry("META-INF/spring-configuration-metadata.json");
      assertThat(metadata).as("spring-configuration-metadata.json in %s", JAR).isNotNull();
      Map<String, ConfigurationMetadataProperty> properties;
      try (InputStream in = jar.getInputStream(metadata)) {
        properties = ConfigurationMetadataRepositoryJsonBuilder.create(in).build().getAllProperties();
      }

      assertThat(properties.keySet()).filteredOn(name -> name.startsWith("stp."))
          .containsExactlyInAnyOrderElementsOf(PROPERTIES);
      assertThat(PROPERTIES).allSatisfy(name -> assertThat(properties.get(name).getDescription())
          .as("the description of %s", name).isNotBlank());
      assertThat(properties.get("stp.forms.locations").getDefaultValue()).isEqualTo("classpath:forms/*.yaml");
      assertThat(properties.get("stp.templates.asset-path").getDefaultValue()).isEqualTo("/assets");
      assertThat(properties.get("stp.notify.base-url").getDefaultValue()).isEqualTo("https://api.notifications.service.gov.uk");
      assertThat(properties.get("stp.notify.rate-limit-per-minute").getDefaultValue()).isEqualTo(3000);
      assertThat(properties.get("stp.idam.keycloak.registration-id").getDefaultValue()).isEqualTo("keycloak");
      assertThat(properties.get("stp.notify.simulator.mode").getType())
          .isEqualTo("org.stpkit.spring.notify.StpNotifyProperties$SimulatorMode");
    }
  }

  @Test
  void theJarListsItsAutoConfigurationsAndFailureAnalyzer() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(text(jar, "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports").lines())
          .containsExactly("org.stpkit.spring.templates.StpTemplatesAutoConfiguration",
              "org.stpkit.spring.forms.StpFormsAutoConfiguration",
              "org.stpkit.spring.notify.StpNotifyAutoConfiguration",
              "org.stpkit.spring.idam.StpIdamAutoConfiguration");
      assertThat(text(jar, "META-INF/spring.factories"))
          .contains("org.springframework.boot.diagnostics.FailureAnalyzer=org.stpkit.spring.StpFailureAnalyzer");
      // Written by spring-boot-autoconfigure-processor: lets Boot skip an auto-configuration without loading it.
      assertThat(text(jar, "META-INF/spring-autoconfigure-metadata.properties"))
          .contains("org.stpkit.spring.forms.StpFormsAutoConfiguration.ConditionalOnClass=");
    }
  }

  private static String text(JarFile jar, String name) throws Exception {
    ZipEntry entry = jar.getEntry(name);
    assertThat(entry).as("%s in %s", name, JAR).isNotNull();
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
