package org.stpkit.forms;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request to a form, without any web framework's types.
 *
 * @param path the path below where the form is mounted: {@code /}, {@code /date-of-birth},
 *     {@code /check-answers}, {@code /confirmation}
 * @param query the query string's parameters
 * @param fields the posted form fields (empty for GET)
 * @param sessionId the session cookie's value, when the request had one
 */
public record FormRequest(Method method, String path, Map<String, List<String>> query,
    Map<String, List<String>> fields, Optional<String> sessionId) {

  /** The methods a form answers; others get 405 from the adapter. */
  public enum Method { GET, POST }

  public FormRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = Map.copyOf(query);
    fields = Map.copyOf(fields);
    Objects.requireNonNull(sessionId, "sessionId");
  }

  public static FormRequest get(String path, Optional<String> sessionId) {
    return new FormRequest(Method.GET, path, Map.of(), Map.of(), sessionId);
  }

  public static FormRequest post(String path, Map<String, List<String>> fields, Optional<String> sessionId) {
    return new FormRequest(Method.POST, path, Map.of(), fields, sessionId);
  }

  public FormRequest withQuery(Map<String, List<String>> query) {
    return new FormRequest(method, path, query, fields, sessionId);
  }
}
