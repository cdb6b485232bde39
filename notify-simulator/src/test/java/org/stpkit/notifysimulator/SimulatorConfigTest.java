package org.stpkit.notifysimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stpkit.definition.Problem;

/** The YAML configuration: every setting read, and every problem reported at once at its line and column. */
class SimulatorConfigTest {
  @Test
  void readsEverySetting() {
    SimulatorConfig config = SimulatorConfig.fromYaml(String.join("\n",
        "serviceId: 6a8e4f36-1c9e-4f7e-9d3b-0a0e7e6c9f11",
        "apiKeys:",
        "  - {name: local-live, type: live, secret: 0d4f1e2a-3b4c-4d5e-8f60-718293a4b5c6}",
        "teamMembers: {emails: [team@example.gov.uk], phones: ['07700900111']}",
        "templates:",
        "  - id: 2f0d5a8c-1111-4a2b-9c3d-4e5f6a7b8c9d",
        "    type: email",
        "    name: Decision made",
        "    subject: Your application ((reference))",
        "    body: Dear ((name))",
        "    version: 4",
        "rateLimitPerMinute: 100",
        "dailyLimits: {email: 10}",
        "deliveryDelayMillis: 250",
        "callback: {url: 'http://127.0.0.1:9/receipts', bearerToken: secret, retries: 2, retryIntervalMillis: 1000}",
        ""), "notify.yaml");

    assertThat(config.apiKey(KeyType.LIVE))
        .isEqualTo("local-live-6a8e4f36-1c9e-4f7e-9d3b-0a0e7e6c9f11-0d4f1e2a-3b4c-4d5e-8f60-718293a4b5c6");
    assertThat(config.templates()).singleElement().satisfies(template -> {
      assertThat(template.subject()).contains("Your application ((reference))");
      assertThat(template.version()).isEqualTo(4);
    });
    assertThat(config.teamEmails()).containsExactly("team@example.gov.uk");
    assertThat(config.teamPhones()).containsExactly("07700900111");
    assertThat(config.rateLimitPerMinute()).isEqualTo(100);
    assertThat(config.dailyLimits()).isEqualTo(new SimulatorConfig.DailyLimits(10, 250_000, 20_000));
    assertThat(config.deliveryDelay()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.callback()).hasValueSatisfying(callback -> {
      assertThat(callback.retries()).isEqualTo(2);
      assertThat(callback.retryInterval()).isEqualTo(Duration.ofSeconds(1));
    });
  }

  @Test
  void leftOutIdsAndKeysAreMadeUp() {
    SimulatorConfig config = SimulatorConfig.fromYaml("templates:\n  - {id: 2f0d5a8c-1111-4a2b-9c3d-4e5f6a7b8c9d, type: sms, body: Hi}\n",
        "small.yaml");
    assertThat(config.apiKeys()).extracting(ApiKey::type).containsExactly(KeyType.LIVE, KeyType.TEAM, KeyType.TEST);
    assertThat(config.templates()).singleElement().satisfies(template -> assertThat(template.name()).isEqualTo(template.id()));
  }

  @Test
  void reportsEveryProblemAtOnceWithItsLineAndColumn() {
    String yaml = String.join("\n",
        "serviceId: 12",
        "apiKeys:",
        "  - {name: live, type: admin}",
        "  - {type: team, secret: not-a-uuid}",
        "teamMembers: {emails: [jo@example], phones: ['01632 960 001']}",
        "templates:",
        "  - id: 2f0d5a8c-1111-4a2b-9c3d-4e5f6a7b8c9d",
        "    type: fax",
        "    body: x",
        "  - id: 2f0d5a8c-1111-4a2b-9c3d-4e5f6a7b8c9d",
        "    type: email",
        "    body: Dear ((name))",
        "    colour: blue",
        "rateLimitPerMinute: 0",
        "dailyLimits: {email: lots}",
        "deliveryDelayMillis: -5",
        "callback: {url: 'ftp://example.com/receipts'}",
        "tempaltes: []",
        "");

    assertThatThrownBy(() -> SimulatorConfig.fromYaml(yaml, "notify.yaml"))
        .isInstanceOfSatisfying(InvalidSimulatorConfigException.class, invalid -> assertThat(invalid.problems())
            .extracting(Problem::toString).containsExactly(
                "notify.yaml:1:12: serviceId: must be a UUID, not the number 12",
                "notify.yaml:3:24: apiKeys[0].type: must be live, team or test, not text 'admin'",
                "notify.yaml:4:5: apiKeys[1]: name is missing",
                "notify.yaml:4:26: apiKeys[1].secret: must be a UUID, not text 'not-a-uuid'",
                "notify.yaml:5:24: teamMembers.emails[0]: Not a valid email address",
                "notify.yaml:5:46: teamMembers.phones[0]: Not a UK mobile number",
                "notify.yaml:8:11: templates[0].type: must be email, sms or letter, not text 'fax'",
                "notify.yaml:10:5: templates[1]: an email template needs a subject",
                "notify.yaml:10:9: templates[1].id: the template id 2f0d5a8c-1111-4a2b-9c3d-4e5f6a7b8c9d is given twice;"
                    + " the first is at line 7",
                "notify.yaml:13:5: templates[1].colour: unknown setting 'colour'; settings here: id, type, name, subject,"
                    + " body, version",
                "notify.yaml:14:21: rateLimitPerMinute: must be a whole number, 1 or more, not the number 0",
                "notify.yaml:15:22: dailyLimits.email: must be a whole number, 0 or more, not text 'lots'",
                "notify.yaml:16:22: deliveryDelayMillis: must be a whole number, 0 or more, not the number -5",
                "notify.yaml:17:11: callback: bearerToken is missing",
                "notify.yaml:17:17: callback.url: must be an http or https URL, not text 'ftp://example.com/receipts'",
                "notify.yaml:18:1: tempaltes: unknown setting 'tempaltes'; settings here: $schema, serviceId, apiKeys,"
                    + " teamMembers, templates, rateLimitPerMinute, dailyLimits, deliveryDelayMillis, callback"))
        .hasMessageStartingWith("notify.yaml: 16 problems\nnotify.yaml:1:12: serviceId: must be a UUID");
  }

  @Test
  void aFileThatIsNotYamlOrCannotBeReadIsOneProblem(@TempDir Path folder) throws Exception {
    Path broken = folder.resolve("notify.yaml");
    Files.writeString(broken, "templates:\n  - id: [unclosed\n");
    assertThatThrownBy(() -> SimulatorConfig.load(broken))
        .isInstanceOfSatisfying(InvalidSimulatorConfigException.class, invalid -> assertThat(invalid.problems())
            .singleElement().satisfies(problem -> {
              assertThat(problem.source()).isEqualTo(broken.toString());
              assertThat(problem.line()).isEqualTo(3);
              assertThat(problem.message()).startsWith("not valid YAML: ");
            }));
    assertThatThrownBy(() -> SimulatorConfig.load(folder.resolve("missing.yaml")))
        .hasMessageEndingWith("missing.yaml: no such file");
    assertThatThrownBy(() -> SimulatorConfig.fromYaml("- templates\n", "list.yaml"))
        .hasMessageContaining("list.yaml:1:1: the configuration is a mapping with templates");
    assertThatThrownBy(() -> SimulatorConfig.fromYaml("serviceId: 6a8e4f36-1c9e-4f7e-9d3b-0a0e7e6c9f11\n", "none.yaml"))
        .hasMessageContaining("none.yaml:1:1: templates is missing");
  }

  @Test
  void theExampleConfigurationLoads() {
    assertThat(SimulatorConfig.example().templates()).extracting(SimulatedTemplate::type)
        .contains(TemplateType.EMAIL, TemplateType.SMS, TemplateType.LETTER);
    assertThat(List.of(KeyType.values())).allSatisfy(type -> assertThat(SimulatorConfig.example().apiKey(type)).isNotBlank());
  }
}
