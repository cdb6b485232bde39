package org.stpkit.forms.internal.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.stpkit.forms.FormResponse;

/**
 * forms-engine's own files, served below the form at {@code /_forms/}: the timeout warning's script,
 * and accessible-autocomplete with the script that enhances selects into it.
 * govuk-frontend's assets are design-system-templates', served by its {@code GovukAssetServlet}.
 */
final class EngineAssets {
  static final String PREFIX = "/_forms/";
  private static final String FOLDER = "/org/stpkit/forms/assets/";
  private static final Map<String, String> TYPES = Map.of(
      "timeout-warning.js", "text/javascript;charset=UTF-8",
      "autocomplete.js", "text/javascript;charset=UTF-8",
      // From the accessible-autocomplete npm package, put in the jar by the build.
      "accessible-autocomplete.min.js", "text/javascript;charset=UTF-8",
      "accessible-autocomplete.min.css", "text/css;charset=UTF-8");

  private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

  /** The file, or empty for any name that is not one of the engine's files. */
  Optional<FormResponse> find(String name) {
    String type = TYPES.get(name);
    if (type == null) {
      return Optional.empty();
    }
    byte[] body = loaded.computeIfAbsent(name, EngineAssets::read);
    return Optional.of(new FormResponse.Resource(200, type, body, "public, max-age=3600", Optional.empty()));
  }

  private static byte[] read(String name) {
    try (InputStream in = EngineAssets.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("forms-engine's " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
