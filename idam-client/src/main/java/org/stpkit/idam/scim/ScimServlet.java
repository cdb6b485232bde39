package org.stpkit.idam.scim;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link ScimProvisioning} as a Servlet 6 servlet: map it at the SCIM base, such as
 * {@code /scim/v2/*}. It only decodes the request and encodes the answer.
 */
public final class ScimServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final int MAX_BODY = 1_000_000;

  private final transient ScimProvisioning provisioning;

  public ScimServlet(ScimProvisioning provisioning) {
    this.provisioning = provisioning;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    ScimResponse answer;
    if (body.length > MAX_BODY) {
      answer = new ScimResponse(413, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
          + "\"status\":\"413\",\"detail\":\"the body is over 1 MB\"}");
    } else {
      Map<String, String> query = new LinkedHashMap<>();
      request.getParameterMap().forEach((name, values) -> query.put(name, values.length == 0 ? "" : values[0]));
      String base = request.getRequestURL().toString();
      String path = request.getPathInfo() == null ? "" : request.getPathInfo();
      base = base.substring(0, base.length() - path.length());
      answer = provisioning.handle(request.getMethod(), path, query, request.getHeader("Authorization"),
          new String(body, StandardCharsets.UTF_8), base);
    }
    response.setStatus(answer.status());
    if (answer.status() == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"scim\"");
    }
    if (!answer.body().isEmpty()) {
      response.setContentType(ScimResponse.CONTENT_TYPE);
      response.setCharacterEncoding("UTF-8");
      response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
    }
  }
}
