package org.stpkit.forms.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A link back to a saved journey, to send to the user: "Save and come back later". The link is a
 * secret that works once; the engine keeps only its digest.
 *
 * @param id stands for this link (not the secret), the same on every attempt to send it: a case
 *     reference for a messenger, a key for a sender that must not send twice
 * @param url the link itself, with its secret: send it to {@code email} and to no one else, and log
 *     it nowhere
 * @param formTitle the form's title in the user's language
 * @param expiresOn when the link stops working, written as a date in the user's language ("3 January 2027")
 * @param language the language the user was using ({@code en}, {@code cy}), for the email's
 */
public record ReturnLink(String id, String formId, String formTitle, String email, String url, Instant expiresAt,
    String expiresOn, String language) {
  public ReturnLink {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(formId, "formId");
    Objects.requireNonNull(formTitle, "formTitle");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(expiresOn, "expiresOn");
    Objects.requireNonNull(language, "language");
  }

  /** Without the link's secret and the address, for logs. */
  @Override
  public String toString() {
    return "ReturnLink[" + id + ", form " + formId + ", expires " + expiresAt + "]";
  }
}
