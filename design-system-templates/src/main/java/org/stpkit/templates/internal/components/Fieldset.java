package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/fieldset/template.njk}. Components that nest content in a fieldset pass it as {@code caller}. */
public final class Fieldset implements Component {
  public static final Fieldset INSTANCE = new Fieldset();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    JsObject legend = params.object("legend");
    out.raw("<fieldset class=\"govuk-fieldset").spaceAndText(params.get("classes")).raw('"');
    if (params.truthy("role")) {
      out.attribute("role", params.get("role"));
    }
    if (params.truthy("describedBy")) {
      out.attribute("aria-describedby", params.get("describedBy"));
    }
    out.attributes(params.get("attributes")).raw('>');
    if (legend.truthy("html") || legend.truthy("text")) {
      out.raw("\n<legend class=\"govuk-fieldset__legend").spaceAndText(legend.get("classes")).raw("\">\n");
      if (legend.truthy("isPageHeading")) {
        out.raw("<h1 class=\"govuk-fieldset__heading\">\n").htmlOrText(legend).raw("\n</h1>");
      } else {
        out.htmlOrText(legend);
      }
      out.raw("\n</legend>");
    }
    if (caller != null) {
      out.raw('\n').raw(caller.html());
    } else if (params.truthy("html")) {
      out.raw('\n').safe(params.get("html"));
    }
    out.raw("\n</fieldset>");
  }
}
