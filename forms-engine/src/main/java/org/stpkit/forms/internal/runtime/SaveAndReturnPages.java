package org.stpkit.forms.internal.runtime;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.stpkit.forms.FormResponse;
import org.stpkit.forms.LocalisedText;
import org.stpkit.forms.internal.view.Block;
import org.stpkit.forms.internal.view.MessagePageView;
import org.stpkit.forms.internal.view.PageFrame;
import org.stpkit.forms.internal.view.SaveAndReturnView;
import org.stpkit.forms.spi.FormSession;
import org.stpkit.forms.spi.SavedProgress;

/** Save and return's pages as views, in one language: asking for the address, saved, the link back and its problems. */
final class SaveAndReturnPages {
  /** Dates people read are UK dates: a link that ends at 00:30 UTC in summer ends the day before in London. */
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final Pages pages;
  private final Messages messages;
  private final Optional<LocalisedText> question;
  private final String startPage;

  SaveAndReturnPages(Pages pages, Optional<LocalisedText> question, String startPage) {
    this.pages = pages;
    this.messages = pages.messages();
    this.question = question;
    this.startPage = startPage;
  }

  Pages pages() {
    return pages;
  }

  Messages messages() {
    return messages;
  }

  /** The day a link stops working, as the user reads it ("3 January 2027"). */
  String date(Instant instant) {
    return new AnswerFormatter(messages).date(instant.atZone(UK).toLocalDate());
  }

  /** The page asking for the address (and the security answer), with what was typed and its errors. */
  FormResponse savePage(String from, FormSession session, Map<String, String> typed, Map<String, String> errors,
      long linkDays, Optional<String> newSessionId) {
    String heading = messages.get("saveAndReturn.save.title");
    List<Block> blocks = new ArrayList<>();
    blocks.add(input(SaveAndReturnFlow.EMAIL, messages.get("saveAndReturn.save.email.label"),
        messages.get("saveAndReturn.save.email.hint"), typed.getOrDefault(SaveAndReturnFlow.EMAIL, ""), "email",
        errors.get(SaveAndReturnFlow.EMAIL)));
    question.ifPresent(text -> blocks.add(input(SaveAndReturnFlow.SECURITY_ANSWER, pages.text(text),
        messages.get("saveAndReturn.save.answer.hint"), typed.getOrDefault(SaveAndReturnFlow.SECURITY_ANSWER, ""), "off",
        errors.get(SaveAndReturnFlow.SECURITY_ANSWER))));
    PageFrame frame = pages.frame(heading, SaveAndReturnFlow.SAVE)
        .withErrors(errorLinks(errors))
        .withTimeoutWarning(pages.timeoutWarning(SaveAndReturnFlow.SAVE))
        .withBackLink(pages.url(from));
    SaveAndReturnView view = new SaveAndReturnView(frame, heading,
        List.of(messages.get("saveAndReturn.save.intro", linkDays)), blocks, pages.url(SaveAndReturnFlow.SAVE), from,
        session.csrfToken(), messages.get("saveAndReturn.save.submit"));
    return pages.render(view, newSessionId);
  }

  /** The link is on its way: where to, until when. */
  FormResponse saved(String email, Instant expiresAt, Optional<String> newSessionId) {
    String heading = messages.get("saveAndReturn.saved.title");
    MessagePageView view = new MessagePageView(pages.frame(heading, SaveAndReturnFlow.SAVED), heading, List.of(
        messages.get("saveAndReturn.saved.sent", email), messages.get("saveAndReturn.saved.expires", date(expiresAt)),
        messages.get("saveAndReturn.saved.spam"), messages.get("saveAndReturn.saved.cleared")), null,
        messages.get("button.startAgain"));
    return pages.render(view, newSessionId);
  }

  /** Nothing saved, no link sent (503): the answers are still in the session; the button tries again. */
  FormResponse notSaved(String from, Optional<String> newSessionId) {
    String heading = messages.get("problem.service.title");
    MessagePageView view = new MessagePageView(pages.frame(heading, SaveAndReturnFlow.SAVE), heading,
        List.of(messages.get("saveAndReturn.notSaved.body"), messages.get("problem.notSent.tryAgain")),
        pages.url(SaveAndReturnFlow.SAVE + "?" + SaveAndReturnFlow.FROM + "=" + from), messages.get("button.tryAgain"));
    return withStatus(503, pages.render(view, newSessionId));
  }

  /** The page the link opens: its button (and the security question) uses the link. */
  FormResponse resumePage(String path, SavedProgress.Link link, FormSession session, @Nullable String error,
      Optional<String> newSessionId) {
    String heading = messages.get("saveAndReturn.resume.title");
    List<Block> blocks = new ArrayList<>();
    Map<String, String> errors = new LinkedHashMap<>();
    if (link.securityAnswerHash().isPresent() && question.isPresent()) {
      if (error != null) {
        errors.put(SaveAndReturnFlow.SECURITY_ANSWER, error);
      }
      blocks.add(input(SaveAndReturnFlow.SECURITY_ANSWER, pages.text(question.get()),
          messages.get("saveAndReturn.resume.answer.hint"), "", "off", error));
    }
    PageFrame frame = pages.frame(heading, path).withErrors(errorLinks(errors));
    SaveAndReturnView view = new SaveAndReturnView(frame, heading,
        List.of(messages.get("saveAndReturn.resume.body", date(link.savedAt()))), blocks, pages.url(path), null,
        session.csrfToken(), messages.get("button.continue"));
    return pages.render(view, newSessionId);
  }

  /** A link that does not work: why, and a way to start again. */
  FormResponse linkProblem(SaveAndReturnFlow.LinkProblem problem, String path, Optional<String> newSessionId) {
    String key = "saveAndReturn.link." + problem.name().toLowerCase(java.util.Locale.ROOT);
    String heading = messages.get(key + ".title");
    MessagePageView view = new MessagePageView(pages.frame(heading, path), heading,
        List.of(messages.get(key + ".body"), messages.get("saveAndReturn.link.startAgain")),
        pages.url(startPage), messages.get("button.startAgain"));
    return withStatus(problem == SaveAndReturnFlow.LinkProblem.UNKNOWN ? 404 : 410,
        pages.render(view, newSessionId));
  }

  private static List<PageFrame.ErrorLink> errorLinks(Map<String, String> errors) {
    List<PageFrame.ErrorLink> links = new ArrayList<>();
    errors.forEach((field, message) -> links.add(new PageFrame.ErrorLink(message, "#" + field)));
    return links;
  }

  /** A govuk input with its label, hint, value and error. */
  private static Block input(String name, String label, String hint, String value, String autocomplete,
      @Nullable String error) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("id", name);
    params.put("name", name);
    params.put("label", Map.of("text", label, "classes", "govuk-label--m"));
    params.put("hint", Map.of("text", hint));
    params.put("value", value);
    params.put("autocomplete", autocomplete);
    params.put("spellcheck", false);
    if (name.equals(SaveAndReturnFlow.EMAIL)) {
      params.put("type", "email");
    }
    if (error != null) {
      params.put("errorMessage", Map.of("text", error));
    }
    return Block.component("govukInput", params);
  }

  private static FormResponse withStatus(int status, FormResponse.Page page) {
    return new FormResponse.Page(status, page.html(), page.newSessionId());
  }
}
