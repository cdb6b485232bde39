package org.stpkit.forms.internal.view;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every page shows around its own content: the GOV.UK template's title, header and assets, a
 * back link, and the error summary's entries.
 *
 * @param title the page's own title, without "Error: " or the service name (the layout adds them)
 * @param language the page's {@code lang}
 * @param backLink where the back link goes; none on the first page
 * @param errors the error summary's entries; none when the page has no errors
 */
public record PageFrame(String title, String language, String serviceName, String startUrl, String assetPath,
    String headHtml, String bodyEndHtml, @Nullable String backLink, List<ErrorLink> errors) {
  public PageFrame {
    errors = List.copyOf(errors);
  }

  /** The same frame with a back link. */
  public PageFrame withBackLink(String href) {
    return new PageFrame(title, language, serviceName, startUrl, assetPath, headHtml, bodyEndHtml, href, errors);
  }

  /** The same frame with an error summary. */
  public PageFrame withErrors(List<ErrorLink> entries) {
    return new PageFrame(title, language, serviceName, startUrl, assetPath, headHtml, bodyEndHtml, backLink, entries);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /**
   * One entry of the error summary.
   *
   * @param href the field the entry moves focus to ({@code #dateOfBirth-day}); none for a problem with
   *     the whole form
   */
  public record ErrorLink(String text, @Nullable String href) {}
}
