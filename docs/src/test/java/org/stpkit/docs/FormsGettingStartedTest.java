package org.stpkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.FormDefinitions;
import org.stpkit.forms.FormEngine;
import org.stpkit.forms.spi.Submission;
import org.stpkit.forms.servlet.FormServlet;
import org.stpkit.templates.servlet.GovukAssetServlet;

/** The samples of docs/developers/forms.md, run: a form served by Jetty, as a service would. */
class FormsGettingStartedTest {
  @Test
  void servesAFormDefinitionInJetty() throws Exception {
    List<Submission> submitted = new CopyOnWriteArrayList<>();
    // tag::serve[]
    FormDefinition form = FormDefinitions.load(Path.of("src/test/resources/forms/apply-for-a-licence.yaml"));
    FormEngine engine = FormEngine.builder(form)
        .mountPath("/apply")
        .submissionHandler(submission -> submitted.add(submission))   // your case system
        .build();

    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(FormServlet.of(engine)), "/apply/*");
    context.addServlet(new ServletHolder(new GovukAssetServlet()), "/assets/*");   // the GOV.UK CSS, JS and fonts
    jetty.setHandler(context);
    jetty.start();
    // end::serve[]
    try {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + connector.getLocalPort();
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/apply/age")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> css = http.send(HttpRequest.newBuilder(URI.create(base + "/assets/govuk-frontend.min.css")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("How old are you?", "Apply for a licence");
      assertThat(css.statusCode()).isEqualTo(200);
      assertThat(submitted).isEmpty();
    } finally {
      jetty.stop();
    }
  }

  @Test
  void checksADefinitionAndNamesEveryProblem() {
    // tag::check[]
    var problems = FormDefinitions.check(Path.of("src/test/resources/forms/apply-for-a-licence.yaml"));
    problems.forEach(System.err::println);   // file:line:column: /json/pointer: message
    // end::check[]
    assertThat(problems).isEmpty();
  }
}
