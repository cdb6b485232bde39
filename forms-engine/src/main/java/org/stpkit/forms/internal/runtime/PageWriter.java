package org.stpkit.forms.internal.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stpkit.forms.internal.view.Block;
import org.stpkit.forms.internal.view.CheckAnswersView;
import org.stpkit.forms.internal.view.ConfirmationView;
import org.stpkit.forms.internal.view.MessagePageView;
import org.stpkit.forms.internal.view.PageFrame;
import org.stpkit.forms.internal.view.QuestionPageView;
import org.stpkit.forms.internal.view.RepeatSummaryView;
import org.stpkit.forms.internal.view.SaveAndReturnView;
import org.stpkit.templates.GovukPage;
import org.stpkit.templates.GovukTemplates;

/**
 * Draws forms-engine's pages in plain Java: each page's own markup here, every GOV.UK component and
 * the page template through {@link GovukTemplates}, the words from {@link Messages}. Every value that
 * is not markup goes through {@link #escape}. Java rather than a template language because drawing the
 * page is most of a request's work, and an interpreted template cost several times this code's time.
 * The markup, whitespace included, is byte for byte what the FreeMarker templates it replaced wrote
 * (ADR 0015), which is why some lines keep an indent or a line break of no use to a browser.
 */
final class PageWriter {
  private final GovukTemplates templates;
  private final Messages messages;
  /** Markup that is the same on every page in this language, drawn once. */
  private final String continueButton;
  private final String saveAndReturnButton;
  private final String timeoutWarningMiddle;

  /** A writer of pages in one language. */
  PageWriter(GovukTemplates templates, Messages messages) {
    this.templates = templates;
    this.messages = messages;
    this.continueButton = submitButton(messages.get("button.continue"));
    this.saveAndReturnButton = templates.render("govukButton", Map.of("text", messages.get("saveAndReturn.button"),
        "name", "saveAndReturn", "value", "save", "classes", "govuk-button--secondary"));
    this.timeoutWarningMiddle = timeoutWarningMiddle(templates, messages);
  }

  /** Draws a page from its view, one of the records of the view package. */
  String write(Record view) {
    if (view instanceof QuestionPageView page) {
      return questionPage(page);
    } else if (view instanceof CheckAnswersView page) {
      return checkAnswers(page);
    } else if (view instanceof RepeatSummaryView page) {
      return repeatSummary(page);
    } else if (view instanceof SaveAndReturnView page) {
      return saveAndReturn(page);
    } else if (view instanceof ConfirmationView page) {
      return confirmation(page);
    } else if (view instanceof MessagePageView page) {
      return messagePage(page);
    }
    throw new IllegalArgumentException("No page is drawn for a " + view.getClass().getSimpleName());
  }

  /** A page of questions and content, or an exit page of content only. */
  private String questionPage(QuestionPageView view) {
    StringBuilder body = bodyStart(view.frame());
    if (view.heading() != null) {
      body.append("    ");
      if (view.caption() != null) {
        body.append("<span class=\"govuk-caption-l\">").append(escape(view.caption())).append("</span>");
      }
      body.append("\n    <h1 class=\"govuk-heading-l\">").append(escape(view.heading())).append("</h1>\n");
    } else if (view.itemLabel() != null) {
      body.append("    <span class=\"govuk-caption-l\">").append(escape(view.itemLabel())).append("</span>\n");
    }
    if (view.exit()) {
      blocks(body, view.blocks());
    } else {
      // A page with a file question posts its files: multipart/form-data.
      boolean upload = view.blocks().stream().anyMatch(block -> "govukFileUpload".equals(block.macro()));
      formStart(body, view.action(), upload, view.csrfToken());
      returnTo(body, view.returnToCheckAnswers());
      blocks(body, view.blocks());
      body.append("      <div class=\"govuk-button-group\">\n");
      body.append(continueButton);
      if (view.saveAndReturn()) {
        body.append(saveAndReturnButton);
      }
      body.append("      </div>\n    </form>\n");
    }
    return page(view.frame(), body);
  }

  /** Check your answers: an answer's lines are joined with line breaks, each escaped. */
  private String checkAnswers(CheckAnswersView view) {
    StringBuilder body = bodyStart(view.frame());
    heading(body, view.heading());
    for (CheckAnswersView.Section section : view.sections()) {
      if (section.title() != null) {
        body.append("<h2 class=\"govuk-heading-m\">").append(escape(section.title())).append("</h2>");
      }
      body.append('\n');
      List<Object> rows = new ArrayList<>(section.rows().size());
      for (CheckAnswersView.Row row : section.rows()) {
        rows.add(summaryRow(row.question(), row.lines(), List.of(
            action(row.changeUrl(), messages.get("checkAnswers.change"), row.changeLabel()))));
      }
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("rows", rows);
      if (section.card() != null) {
        params.put("card", Map.of("title", Map.of("text", section.card(), "headingLevel", 3)));
      } else {
        params.put("classes", "govuk-!-margin-bottom-9");
      }
      body.append(templates.render("govukSummaryList", params));
    }
    if (view.declaration() != null) {
      body.append("    <h2 class=\"govuk-heading-m\">").append(escape(messages.get("checkAnswers.declarationHeading")))
          .append("</h2>\n    <p class=\"govuk-body\">").append(escape(view.declaration())).append("</p>\n");
    }
    formStart(body, view.action(), false, view.csrfToken());
    body.append(submitButton(view.submitText()));
    body.append("    </form>\n");
    return page(view.frame(), body);
  }

  /** A repeating section's page: its items with change and remove, and "add another?". */
  private String repeatSummary(RepeatSummaryView view) {
    StringBuilder body = bodyStart(view.frame());
    if (view.caption() != null) {
      body.append("<span class=\"govuk-caption-l\">").append(escape(view.caption())).append("</span>");
    }
    body.append('\n');
    heading(body, view.heading());
    if (!view.items().isEmpty()) {
      List<Object> rows = new ArrayList<>(view.items().size());
      for (RepeatSummaryView.Item item : view.items()) {
        rows.add(summaryRow(item.label(), item.lines(), List.of(
            action(item.changeUrl(), messages.get("checkAnswers.change"), item.label()),
            action(item.removeUrl(), messages.get("repeat.remove"), item.label()))));
      }
      body.append(templates.render("govukSummaryList", Map.of("rows", rows, "classes", "govuk-!-margin-bottom-9")));
    }
    formStart(body, view.action(), false, view.csrfToken());
    returnTo(body, view.returnToCheckAnswers());
    if (view.addAnother() != null) {
      block(body, view.addAnother());
    }
    if (view.atMost() != null) {
      body.append("<p class=\"govuk-body\">").append(escape(view.atMost())).append("</p>");
    }
    body.append('\n');
    body.append(continueButton);
    body.append("    </form>\n");
    return page(view.frame(), body);
  }

  /** Save and return's pages with a form: the address to send the link to, and the page the link opens. */
  private String saveAndReturn(SaveAndReturnView view) {
    StringBuilder body = bodyStart(view.frame());
    heading(body, view.heading());
    paragraphs(body, view.paragraphs());
    formStart(body, view.action(), false, view.csrfToken());
    if (view.from() != null) {
      body.append("<input type=\"hidden\" name=\"from\" value=\"").append(escape(view.from())).append("\">");
    }
    body.append('\n');
    blocks(body, view.blocks());
    body.append(submitButton(view.submitText()));
    body.append("    </form>\n");
    return page(view.frame(), body);
  }

  /** The confirmation page: the reference in a panel and what happens next. */
  private String confirmation(ConfirmationView view) {
    StringBuilder body = bodyStart(view.frame());
    String referenceHtml = escape(messages.get("confirmation.reference")) + "<br><strong>" + escape(view.reference())
        + "</strong>";
    body.append(templates.render("govukPanel", Map.of("titleText", view.heading(), "html", referenceHtml)));
    if (view.body() != null) {
      body.append("<p class=\"govuk-body\">").append(escape(view.body())).append("</p>");
    }
    body.append('\n');
    return page(view.frame(), body);
  }

  /** A page that only says something. */
  private String messagePage(MessagePageView view) {
    StringBuilder body = bodyStart(view.frame());
    heading(body, view.heading());
    paragraphs(body, view.paragraphs());
    if (view.buttonUrl() != null) {
      body.append(templates.render("govukButton", Map.of("text", view.buttonText(), "href", view.buttonUrl())));
    }
    return page(view.frame(), body);
  }

  // The frame every page shares: the grid, the error summary, the GOV.UK page template around it.

  private StringBuilder bodyStart(PageFrame frame) {
    StringBuilder body = new StringBuilder(8192);
    body.append("<div class=\"govuk-grid-row\">\n  <div class=\"govuk-grid-column-two-thirds\">\n");
    if (frame.hasErrors()) {
      List<Object> errorList = new ArrayList<>(frame.errors().size());
      for (PageFrame.ErrorLink error : frame.errors()) {
        errorList.add(error.href() != null ? Map.of("text", error.text(), "href", error.href())
            : Map.of("text", error.text()));
      }
      body.append(templates.render("govukErrorSummary",
          Map.of("titleText", messages.get("page.errorSummaryTitle"), "errorList", errorList)));
    }
    return body;
  }

  private String page(PageFrame frame, StringBuilder body) {
    body.append("  </div>\n</div>\n");
    if (frame.timeoutWarning() != null) {
      timeoutWarning(body, frame.timeoutWarning());
    }
    String title = frame.hasErrors() ? messages.get("page.errorTitle", frame.title()) : frame.title();
    StringBuilder head = new StringBuilder(frame.headHtml());
    for (String href : frame.stylesheets()) {
      head.append("\n<link href=\"").append(escape(href)).append("\" rel=\"stylesheet\">");
    }
    StringBuilder bodyEnd = new StringBuilder(frame.bodyEndHtml());
    for (String src : frame.scripts()) {
      bodyEnd.append("\n<script src=\"").append(escape(src)).append("\"></script>");
    }
    GovukPage page = GovukPage.builder()
        .pageTitle(messages.get("page.title", title, frame.serviceName()))
        .variable("htmlLang", frame.language())
        .variable("serviceName", frame.serviceName())
        .variable("serviceUrl", frame.startUrl())
        .variable("assetPath", frame.assetPath())
        .block("head", head.toString())
        .block("bodyEnd", bodyEnd.toString())
        .block("beforeContent", beforeContent(frame))
        .content(body.toString())
        .build();
    return templates.renderPage(page);
  }

  /** The language navigation, then the back link. */
  private String beforeContent(PageFrame frame) {
    StringBuilder html = new StringBuilder();
    if (!frame.languages().isEmpty()) {
      List<Object> items = new ArrayList<>(frame.languages().size());
      for (PageFrame.LanguageLink language : frame.languages()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("text", language.text());
        item.put("lang", language.lang());
        item.put("hrefLang", language.lang());
        item.put("href", language.href());
        item.put("current", language.current());
        items.add(item);
      }
      html.append(templates.render("govukLanguageNavigation",
          Map.of("items", items, "ariaLabel", messages.get("page.languageNavigation"))));
    }
    if (frame.backLink() != null) {
      html.append(templates.render("govukBackLink", Map.of("href", frame.backLink(), "text", messages.get("page.back"))));
    }
    return html.toString();
  }

  /** The warning before the session times out: a native modal dialog its script opens and closes. */
  private void timeoutWarning(StringBuilder body, PageFrame.TimeoutWarning warning) {
    body.append("<dialog class=\"stp-timeout-warning govuk-!-padding-6\" data-stp-timeout-warning\n")
        .append("    aria-labelledby=\"stp-timeout-warning-title\" aria-describedby=\"stp-timeout-warning-text\"\n")
        .append("    data-timeout-seconds=\"").append(warning.timeoutSeconds())
        .append("\" data-warning-seconds=\"").append(warning.warningSeconds()).append("\"\n")
        .append("    data-keep-alive-url=\"").append(escape(warning.keepAliveUrl()))
        .append("\" data-timed-out-url=\"").append(escape(warning.timedOutUrl())).append("\"\n")
        .append(timeoutWarningMiddle)
        .append("<script src=\"").append(escape(warning.scriptUrl())).append("\" defer></script>\n");
  }

  /** The timeout warning's words and button, from its text attributes to the end of the dialog. */
  private static String timeoutWarningMiddle(GovukTemplates templates, Messages messages) {
    return new StringBuilder()
        .append("    data-text-countdown=\"").append(escape(messages.get("timeoutWarning.countdown")))
        .append("\" data-text-minute=\"").append(escape(messages.get("timeoutWarning.minute"))).append("\"\n")
        .append("    data-text-minutes=\"").append(escape(messages.get("timeoutWarning.minutes")))
        .append("\" data-text-second=\"").append(escape(messages.get("timeoutWarning.second"))).append("\"\n")
        .append("    data-text-seconds=\"").append(escape(messages.get("timeoutWarning.seconds")))
        .append("\" style=\"max-width: 40rem; border: 5px solid #0b0c0c;\">\n")
        .append("  <h2 class=\"govuk-heading-m\" id=\"stp-timeout-warning-title\">")
        .append(escape(messages.get("timeoutWarning.title"))).append("</h2>\n")
        .append("  <div id=\"stp-timeout-warning-text\">\n")
        .append("    <p class=\"govuk-body\">").append(escape(messages.get("timeoutWarning.text"))).append("</p>\n")
        .append("    <p class=\"govuk-body govuk-!-font-weight-bold\" data-stp-countdown aria-hidden=\"true\"></p>\n")
        .append("  </div>\n")
        .append("  <p class=\"govuk-visually-hidden\" data-stp-countdown-spoken aria-live=\"polite\"></p>\n")
        .append(templates.render("govukButton", Map.of("text", messages.get("timeoutWarning.continue"),
            "attributes", Map.of("data-stp-extend", ""), "classes", "govuk-!-margin-bottom-0")))
        .append("</dialog>\n")
        .toString();
  }

  // Pieces several pages share.

  private void blocks(StringBuilder body, List<Block> blocks) {
    for (Block block : blocks) {
      block(body, block);
    }
  }

  /** A paragraph, or a govuk component by its macro name with its params. */
  private void block(StringBuilder body, Block block) {
    if (block.text() != null) {
      body.append("<p class=\"govuk-body\">").append(escape(block.text())).append("</p>\n");
    } else {
      body.append(templates.render(String.valueOf(block.macro()), block.params()));
    }
  }

  private static void heading(StringBuilder body, String heading) {
    body.append("    <h1 class=\"govuk-heading-l\">").append(escape(heading)).append("</h1>\n");
  }

  private static void paragraphs(StringBuilder body, List<String> paragraphs) {
    for (String paragraph : paragraphs) {
      body.append("<p class=\"govuk-body\">").append(escape(paragraph)).append("</p>");
    }
    body.append('\n');
  }

  /** A form's opening tag (multipart/form-data when it posts files) and its CSRF token. */
  private static void formStart(StringBuilder body, String action, boolean multipart, String csrfToken) {
    body.append("    <form method=\"post\" action=\"").append(escape(action)).append('"')
        .append(multipart ? " enctype=\"multipart/form-data\"" : "").append(" novalidate>\n")
        .append("      <input type=\"hidden\" name=\"csrfToken\" value=\"").append(escape(csrfToken))
        .append("\">\n");
  }

  private String submitButton(String text) {
    return templates.render("govukButton", Map.of("text", text, "preventDoubleClick", true));
  }

  private static void returnTo(StringBuilder body, boolean toCheckAnswers) {
    if (toCheckAnswers) {
      body.append("<input type=\"hidden\" name=\"returnTo\" value=\"check-answers\">");
    }
    body.append('\n');
  }

  /** A summary list row whose value is the answer's lines, each escaped, joined with line breaks. */
  private static Map<String, Object> summaryRow(String key, List<String> lines, List<Object> actions) {
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        value.append("<br>");
      }
      value.append(escape(lines.get(i)));
    }
    return Map.of("key", Map.of("text", key), "value", Map.of("html", value.toString()),
        "actions", Map.of("items", actions));
  }

  private static Map<String, Object> action(String href, String text, String visuallyHiddenText) {
    return Map.of("href", href, "text", text, "visuallyHiddenText", visuallyHiddenText);
  }

  /** Text for HTML content or a quoted attribute value: the five characters HTML gives meaning to. */
  static String escape(String text) {
    int first = firstToEscape(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static int firstToEscape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<' || c == '>' || c == '&' || c == '"' || c == '\'') {
        return i;
      }
    }
    return -1;
  }
}
