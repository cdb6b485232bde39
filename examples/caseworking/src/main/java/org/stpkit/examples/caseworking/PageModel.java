package org.stpkit.examples.caseworking;

import java.util.Optional;
import org.springframework.context.MessageSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;
import org.stpkit.spring.templates.StpTemplatesProperties;
import org.stpkit.templates.GovukAssets;
import org.stpkit.templates.MojAssets;

/** What every page template reads: the words, the asset links, the signed-in caseworker and the CSRF token. */
@ControllerAdvice
class PageModel {
  private final MessageSource messages;
  private final StpTemplatesProperties templates;

  PageModel(MessageSource messages, StpTemplatesProperties templates) {
    this.messages = messages;
    this.templates = templates;
  }

  @ModelAttribute
  void common(Model model, HttpServletRequest request, java.util.Locale locale) {
    String assets = templates.assetPath();
    model.addAttribute("msg", new Words(messages, locale));
    model.addAttribute("assetPath", assets);
    model.addAttribute("stylesheets", GovukAssets.stylesheetHtml(assets) + "\n" + MojAssets.stylesheetHtml(assets));
    model.addAttribute("scripts", GovukAssets.scriptHtml(assets, Optional.empty()) + "\n"
        + MojAssets.scriptHtml(assets, Optional.empty()));
    if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
      model.addAttribute("csrf", csrf);
    }
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user instanceof OAuth2AuthenticationToken signedIn) {
      model.addAttribute("caseworker", signedIn.getName());
    }
  }
}
