package org.stpkit.formsredis;

import java.nio.file.Path;
import java.util.List;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.FormEngine;
import org.stpkit.forms.servlet.FormServlet;
import org.stpkit.forms.spi.Submission;
import org.stpkit.testsupport.TestWebServer;

/**
 * One instance of a service, as a deployment would run it: its own Jetty, engine and Redis
 * connection, serving the test form at {@code /apply}; submissions go to a list the test shares
 * between instances (the receiving system).
 */
final class FormInstance implements AutoCloseable {
  static final FormDefinition FORM = FormDefinitions.load(Path.of("src/test/resources/licence.yaml"));

  private final TestWebServer server;
  private final RedisSessions redis;

  FormInstance(String redisUri, String namespace, int port, List<Submission> received) throws Exception {
    this.redis = RedisSessions.builder(redisUri).namespace(namespace).commandTimeout(java.time.Duration.ofSeconds(1))
        .build();
    FormEngine engine = FormEngine.builder(FORM).mountPath("/apply").answerStore(redis.store(FORM))
        .submissionHandler(received::add).build();
    // A restarted instance takes its port back at once (TestWebServer reuses the address).
    server = TestWebServer.start(port).serve("/apply/*", FormServlet.of(engine));
  }

  String baseUrl() {
    return server.baseUrl();
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() throws Exception {
    server.close();
    redis.close();
  }
}
