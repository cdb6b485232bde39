package org.stpkit.idam.scim;

import java.util.Objects;

/** What to answer a SCIM request: the HTTP status and the JSON body ({@code ""} for 204). */
public record ScimResponse(int status, String body) {
  public static final String CONTENT_TYPE = "application/scim+json";

  public ScimResponse {
    Objects.requireNonNull(body, "body");
  }
}
