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
                    + " teamMembers, templates, emailReplyTo, smsSenders, inboundNumber, services, rateLimitPerMinute,"
                    + " dailyLimits, deliveryDelayMillis, callback"))
        .hasMessageStartingWith("notify.yaml: 16 problems\nnotify.yaml:1:12: serviceId: must be a UUID");
  }

  @Test
  void readsReplyToAddressesTextSendersAndMoreServices() {
    SimulatorConfig config = SimulatorConfig.fromYaml(String.join("\n",
        "serviceId: 6a8e4f36-1c9e-4f7e-9d3b-0a0e7e6c9f11",
        "templates:",
        "  - {id: 2f0d5a8c-1111-4a2b-9c3d-4e5f6a7b8c9d, type: sms, body: Hi}",
        "emailReplyTo:",
        "  - {id: 6a0e3c1d-8f2b-4d7e-9c5a-1b3d5f7e9a02, email: decisions@example.gov.uk}",
        "smsSenders:",
        "  - {id: 7b1f4d2e-9a3c-4e8f-8d6b-2c4e6a8f0b13, sender: HOMEOFFICE}",
        "inboundNumber: '07700900555'",
        "services:",
        "  - name: security",
        "    serviceId: 0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f",
        "    apiKeys: [{name: security-live, type: live, secret: 0d4f1e2a-3b4c-4d5e-8f60-718293a4b5c6}]",
        "    templates: [{id: 3a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d, type: sms, body: 'Code ((code))'}]",
        "    smsSenders: [{id: 8c2a5e3f-0b4d-4f9a-9e7c-3d5f7a9b1c24, sender: SECURITY}]",
        ""), "notify.yaml");

    SimulatedService main = config.defaultService();
    assertThat(main.name()).isEqualTo("default");
    assertThat(main.emailReplyTos()).containsExactly(
        new SimulatedService.EmailReplyTo("6a0e3c1d-8f2b-4d7e-9c5a-1b3d5f7e9a02", "decisions@example.gov.uk"));
    assertThat(main.smsSenders()).containsExactly(
        new SimulatedService.SmsSender("7b1f4d2e-9a3c-4e8f-8d6b-2c4e6a8f0b13", "HOMEOFFICE"));
    assertThat(main.inboundNumber()).isEqualTo("07700900555");
    SimulatedService security = config.service("security");
    assertThat(security.apiKey(KeyType.LIVE))
        .isEqualTo("security-live-0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f-0d4f1e2a-3b4c-4d5e-8f60-718293a4b5c6");
    assertThat(security.templates()).extracting(SimulatedTemplate::body).containsExactly("Code ((code))");
    assertThat(security.smsSenders()).extracting(SimulatedService.SmsSender::sender).containsExactly("SECURITY");
    assertThat(security.inboundNumber()).isEqualTo(SimulatedService.DEFAULT_INBOUND_NUMBER);
    assertThat(config.services()).extracting(SimulatedService::name).containsExactly("default", "security");
  }

  @Test
  void reportsEveryProblemOfServicesReplyToAddressesAndSendersAtItsLine() {
    String yaml = String.join("\n",
        "serviceId: 6a8e4f36-1c9e-4f7e-9d3b-0a0e7e6c9f11",
        "templates: []",
        "emailReplyTo:",
        "  - {id: 6a0e3c1d-8f2b-4d7e-9c5a-1b3d5f7e9a02, email: not-an-address}",
        "  - {id: 6a0e3c1d-8f2b-4d7e-9c5a-1b3d5f7e9a02, email: a@example.gov.uk}",
        "smsSenders:",
        "  - {id: sender-1, sender: HOMEOFFICE, colour: red}",
        "services:",
        "  - name: default",
        "  - name: security",
        "    serviceId: 6a8e4f36-1c9e-4f7e-9d3b-0a0e7e6c9f11",
        "  - name: security",
        "    smsSenders: [{id: 8c2a5e3f-0b4d-4f9a-9e7c-3d5f7a9b1c24}]",
        "  - {serviceId: 0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f}",
        "");

    assertThatThrownBy(() -> SimulatorConfig.fromYaml(yaml, "notify.yaml"))
        .isInstanceOfSatisfying(InvalidSimulatorConfigException.class, invalid -> assertThat(invalid.problems())
            .extracting(Problem::toString).containsExactly(
                "notify.yaml:4:55: emailReplyTo[0].email: Not a valid email address",
                "notify.yaml:5:10: emailReplyTo[1].id: the reply-to id 6a0e3c1d-8f2b-4d7e-9c5a-1b3d5f7e9a02 is given twice;"
                    + " the first is at line 4",
                "notify.yaml:7:10: smsSenders[0].id: must be a UUID, not text 'sender-1'",
                "notify.yaml:7:40: smsSenders[0].colour: unknown setting 'colour'; settings here: id, sender",
                "notify.yaml:9:11: services[0].name: 'default' names the service at the top of the file; give this one"
                    + " another name",
                "notify.yaml:11:16: services[1].serviceId: the service id 6a8e4f36-1c9e-4f7e-9d3b-0a0e7e6c9f11 is given"
                    + " twice; the first is at line 1",
                "notify.yaml:12:11: services[2].name: the service name security is given twice; the first is at line 10",
                "notify.yaml:13:18: services[2].smsSenders[0]: sender is missing",
                "notify.yaml:14:5: services[3]: name is missing"));
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
