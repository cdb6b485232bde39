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
 * @param timeoutWarning the warning before the session times out, on pages of a live journey
 * @param stylesheets the engine's own stylesheets this page needs, after govuk-frontend's
 * @param scripts the engine's own scripts this page needs, in order, after govuk-frontend's
 */
public record PageFrame(String title, String language, String serviceName, String startUrl, String assetPath,
    String headHtml, String bodyEndHtml, @Nullable String backLink, List<ErrorLink> errors,
    List<LanguageLink> languages, @Nullable TimeoutWarning timeoutWarning, List<String> stylesheets,
    List<String> scripts) {
  public PageFrame {
    errors = List.copyOf(errors);
    languages = List.copyOf(languages);
    stylesheets = List.copyOf(stylesheets);
    scripts = List.copyOf(scripts);
  }

  /** The same frame with more of the engine's stylesheets and scripts. */
  public PageFrame withAssets(List<String> moreStylesheets, List<String> moreScripts) {
    List<String> allStylesheets = new java.util.ArrayList<>(stylesheets);
    allStylesheets.addAll(moreStylesheets);
    List<String> allScripts = new java.util.ArrayList<>(scripts);
    allScripts.addAll(moreScripts);
    return new PageFrame(title, language, serviceName, startUrl, assetPath, headHtml, bodyEndHtml, backLink, errors,
        languages, timeoutWarning, allStylesheets, allScripts);
  }

  /** The same frame with a back link. */
  public PageFrame withBackLink(String href) {
    return new PageFrame(title, language, serviceName, startUrl, assetPath, headHtml, bodyEndHtml, href, errors,
        languages, timeoutWarning, stylesheets, scripts);
  }

  /** The same frame with an error summary. */
  public PageFrame withErrors(List<ErrorLink> entries) {
    return new PageFrame(title, language, serviceName, startUrl, assetPath, headHtml, bodyEndHtml, backLink, entries,
        languages, timeoutWarning, stylesheets, scripts);
  }

  /** The same frame with the timeout warning. */
  public PageFrame withTimeoutWarning(TimeoutWarning warning) {
    return new PageFrame(title, language, serviceName, startUrl, assetPath, headHtml, bodyEndHtml, backLink, errors,
        languages, warning, stylesheets, scripts);
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

  /**
   * The modal warning before a session times out.
   *
   * @param timeoutSeconds how long the session lasts from this page's request without another
   * @param warningSeconds how long before then the warning opens
   * @param keepAliveUrl what the warning's Continue button asks, to keep the session alive
   * @param timedOutUrl where the page goes when the time is up (this page, by GET)
   * @param scriptUrl the warning's script
   */
  public record TimeoutWarning(long timeoutSeconds, long warningSeconds, String keepAliveUrl, String timedOutUrl,
      String scriptUrl) {}
}
