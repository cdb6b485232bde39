package org.stpkit.forms;

import java.util.Objects;
import java.util.Optional;

/**
 * What to send back: a page, a redirect (post / redirect / get), or one of the engine's own files
 * and small answers to scripts ({@link Resource}), and the session cookie to set when the engine
 * started a new session.
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

  /**
   * Anything that is not a page: the engine's own scripts and styles, and the answers its scripts
   * ask for (keeping a session alive). {@code body} is empty for a 204.
   */
  record Resource(int status, String contentType, byte[] body, String cacheControl, Optional<String> newSessionId)
      implements FormResponse {
    public Resource {
      Objects.requireNonNull(contentType, "contentType");
      body = body.clone();
      Objects.requireNonNull(cacheControl, "cacheControl");
      Objects.requireNonNull(newSessionId, "newSessionId");
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Resource that && status == that.status && contentType.equals(that.contentType)
          && java.util.Arrays.equals(body, that.body) && cacheControl.equals(that.cacheControl)
          && newSessionId.equals(that.newSessionId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(status, contentType, java.util.Arrays.hashCode(body), cacheControl, newSessionId);
    }

    @Override
    public String toString() {
      return "Resource[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
  }
}
