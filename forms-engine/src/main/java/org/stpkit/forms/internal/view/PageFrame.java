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
 * @param languages the language navigation's links; none for a form in one language
 */
public record PageFrame(String title, String language, String serviceName, String startUrl, String assetPath,
    String headHtml, String bodyEndHtml, @Nullable String backLink, List<ErrorLink> errors,
    List<LanguageLink> languages) {
  public PageFrame {
    errors = List.copyOf(errors);
    languages = List.copyOf(languages);
  }

  /** The same frame with a back link. */
  public PageFrame withBackLink(String href) {
    return new PageFrame(title, language, serviceName, startUrl, assetPath, headHtml, bodyEndHtml, href, errors,
        languages);
  }

  /** The same frame with an error summary. */
  public PageFrame withErrors(List<ErrorLink> entries) {
    return new PageFrame(title, language, serviceName, startUrl, assetPath, headHtml, bodyEndHtml, backLink, entries,
        languages);
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

  /**
   * One language of the language navigation: its name written in that language, its tag, and this
   * page in it.
   */
  public record LanguageLink(String text, String lang, String href, boolean current) {}
}
