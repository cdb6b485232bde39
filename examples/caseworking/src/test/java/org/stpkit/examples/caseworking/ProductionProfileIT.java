package org.stpkit.examples.caseworking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.testsupport.FormBrowser;
import org.stpkit.testsupport.PostgresDatabase;

/**
 * The production profile switches every part by configuration only: the service is started with
 * {@code production} and the settings an operator gives it (here as properties), against the
 * machine's PostgreSQL and Redis and a Notify-compatible server standing in for GOV.UK Notify at
 * its own address with a live key. A citizen's journey is kept in Redis while it is under way, the
 * application and its outbox are in PostgreSQL, the email reaches "Notify", and a caseworker's
 * session (started by the sign-in redirect) is in Redis. Keycloak is not needed to start: the
 * sign-in registration is built from its conventions.
 */
class ProductionProfileIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theProductionProfileUsesPostgresRedisAndNotify() throws Exception {
    String namespace = "stp-caseworking-it-" + UUID.randomUUID().toString().substring(0, 8);
    int port = freePort();
    try (PostgresDatabase database = PostgresDatabase.create("caseworking_production");
        NotifySimulator notify = NotifySimulator.start(
            SimulatorConfig.fromYaml(Eventually.resource("/notify-simulator.yaml"), "notify-simulator.yaml"));
        RedisClient redisClient = RedisClient.create("redis://127.0.0.1:6379");
        StatefulRedisConnection<String, String> redis = redisClient.connect()) {
      try (ConfigurableApplicationContext service = new SpringApplicationBuilder(CaseworkingApplication.class)
          .profiles("production")
          .run(
            // Command-line arguments: they take precedence over application.yaml, as an operator's would.
              "--spring.main.banner-mode=off",
              "--PORT=" + port,
              "--DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/" + database.name(),
              "--DATABASE_USER=postgres",
              "--DATABASE_PASSWORD=",
              "--REDIS_URL=redis://127.0.0.1:6379",
              "--FORM_SESSIONS_NAMESPACE=" + namespace + "-forms",
              "--spring.session.data.redis.namespace=" + namespace + ":session",
              "--NOTIFY_API_KEY=" + notify.apiKey(KeyType.LIVE),
              "--stp.notify.base-url=" + notify.baseUrl(),
              "--NOTIFY_RECEIPTS_TOKEN=receipts-token-for-tests",
              "--KEYCLOAK_URL=http://127.0.0.1:" + freePort(),
              "--CASEWORKING_CLIENT_SECRET=unused",
              "--STAFF_RECONCILE=false",
              "--STAFF_FEED=classpath:staff/hr-feed.csv",
              "--STP_IDAM_CLIENT_SECRET=unused")) {
        String base = "http://127.0.0.1:" + port;

        FormBrowser citizen = FormBrowser.of(base);
        assertThat(citizen.get("/apply/").path()).isEqualTo("/apply/name");
        citizen.post("/apply/name", "fullName-given", "Jo", "fullName-family", "Bloggs");
        assertThat(redis.sync().keys(namespace + "-forms:form:apply-to-extend:session:*"))
            .as("the journey under way, in Redis").hasSize(1);
        citizen.post("/apply/date-of-birth", "dateOfBirth-day", "27", "dateOfBirth-month", "3", "dateOfBirth-year", "1990");
        citizen.post("/apply/permission", "permissionType", "family");
        LocalDate expiry = LocalDate.now().plusMonths(2);
        citizen.post("/apply/expiry", "permissionExpires-day", Integer.toString(expiry.getDayOfMonth()),
            "permissionExpires-month", Integer.toString(expiry.getMonthValue()),
            "permissionExpires-year", Integer.toString(expiry.getYear()));
        citizen.post("/apply/email", "email", "jo.production@example.com");
        assertThat(citizen.post("/apply/reason", "reason", "A family reason.").path()).isEqualTo("/apply/check-answers");
        FormBrowser.Page sent = citizen.post("/apply/check-answers");
        String reference = sent.reference();
        assertThat(reference).startsWith("EXT");

        JdbcTemplate postgres = new JdbcTemplate(database.dataSource());
        assertThat(postgres.queryForObject("SELECT applicant_email FROM applications WHERE reference = ?", String.class,
            reference)).isEqualTo("jo.production@example.com");
        assertThat(service.getBean(MilestoneMessenger.class).timeline(reference)).hasSize(1);
        Eventually.until(() -> notify.notifications().stream().anyMatch(n -> n.recipient().equals("jo.production@example.com")),
            "the confirmation email at Notify");

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorization/keycloak"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).get().asString()
            .contains("/realms/caseworking/protocol/openid-connect/auth");
        assertThat(redis.sync().keys(namespace + ":session:sessions:*")).as("the sign-in's session, in Redis").isNotEmpty();

        JsonNode health = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString()).body());
        assertThat(health.path("components").path("db").path("details").path("database").asText()).isEqualTo("PostgreSQL");
        assertThat(health.path("components").path("redis").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("notify").path("status").asText()).isEqualTo("UP");
      } finally {
        List<String> keys = redis.sync().keys(namespace + "*");
        if (!keys.isEmpty()) {
          redis.sync().del(keys.toArray(String[]::new));
        }
      }
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }


}
