package org.stpkit.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where {@code stp demo} finds the example and keeps its state, the ports it runs on, and what it
 * tells Keycloak and the service so that they agree with each other.
 *
 * @param checkout the STP Kit checkout holding the example
 * @param state where Keycloak's distribution and data and the logs are kept between runs
 * @param keycloakVersion the Keycloak the kit is tested with
 */
record DemoSettings(Path checkout, Path state, int port, int keycloakPort, int notifyPort, boolean build,
    boolean fresh, String keycloakVersion) {

  static final String MODULE = "examples/caseworking";
  static final String REALM = "caseworking";
  static final String SERVICE_CLIENT = "caseworking-service";
  static final String IDAM_CLIENT = "stp-idam";
  static final String KEYCLOAK_ADMIN = "admin";
  static final String KEYCLOAK_ADMIN_PASSWORD = "admin";
  /** Every demo login's password: the realm only listens on 127.0.0.1, and the logins are printed for anyone to use. */
  static final String DEMO_PASSWORD = "caseworking-demo";
  // The example's development secrets (its application.yaml's defaults), given to Keycloak as well
  // when it imports the realm, whose clients take their secrets from ${...} placeholders.
  static final String SERVICE_CLIENT_SECRET = "caseworking-dev-secret";
  static final String IDAM_CLIENT_SECRET = "stp-idam-dev-secret";

  DemoSettings {
    checkout = checkout.toAbsolutePath().normalize();
    state = state.toAbsolutePath().normalize();
  }

  /** What to say about a port that is taken: the option and the variable that choose another. */
  static String portAdvice(String option, String variable) {
    return "Stop the program that uses it (an earlier stp demo still running?), or choose another port with "
        + option + " <port> or the environment variable " + variable + ".";
  }

  Path module() {
    return checkout.resolve(MODULE);
  }

  Path jar() {
    return module().resolve("target/caseworking.jar");
  }

  Path resources() {
    return module().resolve("src/main/resources");
  }

  Path realmFile() {
    return resources().resolve("keycloak/" + REALM + "-realm.json");
  }

  Path feedFile() {
    return resources().resolve("staff/hr-feed.csv");
  }

  Path policyFile() {
    return resources().resolve("staff/access-policy.yaml");
  }

  Path logs() {
    return state.resolve("logs");
  }

  Path buildLog() {
    return logs().resolve("build.log");
  }

  Path serviceLog() {
    return logs().resolve("service.log");
  }

  Path keycloakLog() {
    return logs().resolve("keycloak.log");
  }

  /** The processes a run started that do not stop by themselves if stp is killed: {@link LeftBehindProcesses}. */
  Path processRecord() {
    return state.resolve("processes.tsv");
  }

  /** The Java agent that ends the service when stp has gone: {@link ExitWithStp}. */
  Path exitWithStpJar() {
    return state.resolve("exit-with-stp.jar");
  }

  String serviceUrl() {
    return "http://127.0.0.1:" + port;
  }

  String keycloakUrl() {
    return "http://127.0.0.1:" + keycloakPort;
  }

  String notifyUrl() {
    return "http://127.0.0.1:" + notifyPort;
  }

  /** The realm file's placeholders. */
  Map<String, String> realmEnvironment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("CASEWORKING_SERVICE_URL", serviceUrl());
    environment.put("CASEWORKING_CLIENT_SECRET", SERVICE_CLIENT_SECRET);
    environment.put("STP_IDAM_CLIENT_SECRET", IDAM_CLIENT_SECRET);
    return environment;
  }

  /** The service's environment: the variables its application.yaml reads. */
  Map<String, String> serviceEnvironment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("KEYCLOAK_URL", keycloakUrl());
    environment.put("CASEWORKING_CLIENT_SECRET", SERVICE_CLIENT_SECRET);
    environment.put("STP_IDAM_CLIENT_SECRET", IDAM_CLIENT_SECRET);
    // The demo provisions the staff itself, once, and shows what it did; no scheduled run beside it.
    environment.put("STAFF_RECONCILE", "false");
    environment.put("STAFF_AUDIT_LOG", logs().resolve("service-idam-audit.jsonl").toString());
    return environment;
  }

  /**
   * The service's arguments: the development profile with the Notify simulator on a known port,
   * whatever the caller's environment says (a SPRING_PROFILES_ACTIVE or a Notify key set for other
   * work would otherwise turn the demo into something else).
   */
  List<String> serviceArguments() {
    return List.of("--server.port=" + port, "--spring.profiles.active=dev", "--stp.notify.simulator.mode=always",
        "--stp.notify.simulator.port=" + notifyPort);
  }
}
