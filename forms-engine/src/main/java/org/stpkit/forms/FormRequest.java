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
 * @param files the files posted (a {@code multipart/form-data} post), in the order they came
 * @param uploadTooLarge a post of files the adapter did not read because it was over its body limit:
 *     the page is shown again with the GOV.UK error on its file question, and nothing is changed
 */
public record FormRequest(Method method, String path, Map<String, List<String>> query,
    Map<String, List<String>> fields, Optional<String> sessionId, List<FilePart> files, boolean uploadTooLarge) {

  /** The methods a form answers; others get 405 from the adapter. */
  public enum Method { GET, POST }

  /**
   * One file of a post, as the browser sent it. Its name is only shown back to the user; its
   * content decides what kind of file it is.
   *
   * @param field the form field it was posted as (the question's name)
   * @param fileName the name the browser gave, without any folder; empty when no file was chosen
   */
  public record FilePart(String field, String fileName, byte[] content) {
    public FilePart {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(content, "content");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof FilePart that && field.equals(that.field) && fileName.equals(that.fileName)
          && java.util.Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
      return Objects.hash(field, fileName, java.util.Arrays.hashCode(content));
    }

    @Override
    public String toString() {
      return "FilePart[" + field + ", " + fileName + ", " + content.length + " bytes]";
    }
  }

  public FormRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = Map.copyOf(query);
    fields = Map.copyOf(fields);
    Objects.requireNonNull(sessionId, "sessionId");
    files = List.copyOf(files);
  }

  /** A request without files. */
  public FormRequest(Method method, String path, Map<String, List<String>> query, Map<String, List<String>> fields,
      Optional<String> sessionId) {
    this(method, path, query, fields, sessionId, List.of(), false);
  }

  public static FormRequest get(String path, Optional<String> sessionId) {
    return new FormRequest(Method.GET, path, Map.of(), Map.of(), sessionId);
  }

  public static FormRequest post(String path, Map<String, List<String>> fields, Optional<String> sessionId) {
    return new FormRequest(Method.POST, path, Map.of(), fields, sessionId);
  }

  public FormRequest withQuery(Map<String, List<String>> query) {
    return new FormRequest(method, path, query, fields, sessionId, files, uploadTooLarge);
  }

  /** This request with the files of a {@code multipart/form-data} post. */
  public FormRequest withFiles(List<FilePart> files) {
    return new FormRequest(method, path, query, fields, sessionId, files, uploadTooLarge);
  }

  /**
   * A post of files over the adapter's body limit, unread: the engine shows the page again with the
   * size error on its file question (or the 413 page on a page without one) and changes nothing, so
   * it needs no CSRF token.
   */
  public static FormRequest uploadTooLarge(String path, Map<String, List<String>> query, Optional<String> sessionId) {
    return new FormRequest(Method.POST, path, query, Map.of(), sessionId, List.of(), true);
  }
}
