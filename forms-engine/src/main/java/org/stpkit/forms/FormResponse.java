package org.stpkit.forms;

import java.util.Objects;
import java.util.Optional;

/**
 * What to send back: a page, or a redirect (post / redirect / get), and the session cookie to set
 * when the engine started a new session.
 */
public sealed interface FormResponse {
  /** The session id to set as a cookie, when it changed. */
  Optional<String> newSessionId();

  /** An HTML page with its status code. */
  record Page(int status, String html, Optional<String> newSessionId) implements FormResponse {
    public Page {
      Objects.requireNonNull(html, "html");
      Objects.requireNonNull(newSessionId, "newSessionId");
    }
  }

  /** A 303 redirect to a location below the form's mount path. */
  record Redirect(String location, Optional<String> newSessionId) implements FormResponse {
    public Redirect {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(newSessionId, "newSessionId");
    }
  }
}
