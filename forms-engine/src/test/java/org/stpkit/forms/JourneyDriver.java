package org.stpkit.forms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Drives a {@link FormEngine} as a browser would: keeps the session cookie, follows redirects, and
 * posts the CSRF token of the last page shown.
 */
final class JourneyDriver {
  private final FormEngine engine;
  private final String mountPath;
  private Optional<String> sessionId = Optional.empty();
  private String csrfToken = "";
  private final List<String> visited = new ArrayList<>();

  JourneyDriver(FormEngine engine, String mountPath) {
    this.engine = engine;
    this.mountPath = mountPath;
  }

  /** A page as shown, and where the redirects led. */
  record Shown(int status, String path, Document html, List<String> redirects) {
    String title() {
      return html.title();
    }

    String text() {
      return html.body().text();
    }
  }

  Shown get(String pathAndQuery) {
    return follow(request(FormRequest.Method.GET, pathAndQuery, Map.of()));
  }

  /** Posts fields (name, value, name, value...) with the CSRF token of the last page. */
  Shown post(String path, String... namesAndValues) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.computeIfAbsent(namesAndValues[i], key -> new ArrayList<>()).add(namesAndValues[i + 1]);
    }
    fields.put("csrfToken", List.of(csrfToken));
    return follow(request(FormRequest.Method.POST, path, fields));
  }

  /** Posts exactly these fields, without adding the CSRF token. */
  Shown postRaw(String path, Map<String, List<String>> fields) {
    return follow(request(FormRequest.Method.POST, path, fields));
  }

  /** Posts files as a multipart form does, with fields (name, value...) and the CSRF token of the last page. */
  Shown postFiles(String path, List<FormRequest.FilePart> files, String... namesAndValues) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.computeIfAbsent(namesAndValues[i], key -> new ArrayList<>()).add(namesAndValues[i + 1]);
    }
    fields.put("csrfToken", List.of(csrfToken));
    visited.add("POST " + path + " with " + files.size() + " files");
    FormResponse response = engine.handle(new FormRequest(FormRequest.Method.POST,
        path.startsWith(mountPath) ? path.substring(mountPath.length()) : path, Map.of(), fields, sessionId)
        .withFiles(files));
    response.newSessionId().ifPresent(id -> sessionId = Optional.of(id));
    return follow(response);
  }

  Optional<String> sessionId() {
    return sessionId;
  }

  void forgetCookie() {
    sessionId = Optional.empty();
  }

  private FormResponse request(FormRequest.Method method, String pathAndQuery, Map<String, List<String>> fields) {
    int question = pathAndQuery.indexOf('?');
    String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
    Map<String, List<String>> query = new HashMap<>();
    if (question >= 0) {
      for (String pair : pathAndQuery.substring(question + 1).split("&")) {
        String[] parts = pair.split("=", 2);
        query.computeIfAbsent(parts[0], key -> new ArrayList<>()).add(parts.length > 1 ? parts[1] : "");
      }
    }
    if (path.startsWith(mountPath)) {
      path = path.substring(mountPath.length());
    }
    visited.add(method + " " + pathAndQuery);
    FormResponse response = engine.handle(new FormRequest(method, path, query, fields, sessionId));
    response.newSessionId().ifPresent(id -> sessionId = Optional.of(id));
    return response;
  }

  private Shown follow(FormResponse response) {
    List<String> redirects = new ArrayList<>();
    String path = "";
    while (response instanceof FormResponse.Redirect redirect) {
      redirects.add(redirect.location());
      if (redirects.size() > 10) {
        throw new AssertionError("redirect loop: " + redirects);
      }
      path = redirect.location();
      response = request(FormRequest.Method.GET, redirect.location(), Map.of());
    }
    FormResponse.Page page = (FormResponse.Page) response;
    Document html = Jsoup.parse(page.html());
    String token = html.select("input[name=csrfToken]").val();
    if (!token.isEmpty()) {
      csrfToken = token;
    }
    return new Shown(page.status(), path, html, redirects);
  }
}
