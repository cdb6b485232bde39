package org.stpkit.formsredis;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.FormEngine;
import org.stpkit.forms.servlet.FormServlet;
import org.stpkit.forms.spi.Submission;

/**
 * One instance of a service, as a deployment would run it: its own Jetty, engine and Redis
 * connection, serving the test form at {@code /apply}; submissions go to a list the test shares
 * between instances (the receiving system).
 */
final class FormInstance implements AutoCloseable {
  static final FormDefinition FORM = FormDefinitions.load(Path.of("src/test/resources/licence.yaml"));

  private final Server server;
  private final RedisSessions redis;
  private final int port;

  FormInstance(String redisUri, String namespace, int port, List<Submission> received) throws Exception {
    this.redis = RedisSessions.builder(redisUri).namespace(namespace).commandTimeout(java.time.Duration.ofSeconds(1))
        .build();
    FormEngine engine = FormEngine.builder(FORM).mountPath("/apply").answerStore(redis.store(FORM))
        .submissionHandler(received::add).build();
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    // A restarted instance takes its port back at once.
    connector.setReuseAddress(true);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(FormServlet.of(engine)), "/apply/*");
    server.setHandler(context);
    server.start();
    this.port = connector.getLocalPort();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws Exception {
    server.stop();
    redis.close();
  }
}
