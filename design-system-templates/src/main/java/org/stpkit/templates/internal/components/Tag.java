package org.stpkit.templates.internal.components;

import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;

/** govuk-frontend {@code components/tag/template.njk}. */
public final class Tag implements Component {
  public static final Tag INSTANCE = new Tag();

  @Override
  public void render(JsObject params, @Nullable Markup caller, Html out) {
    out.raw("<strong class=\"govuk-tag").spaceAndText(params.get("classes")).raw('"')
        .attributes(params.get("attributes")).raw(">\n")
        .htmlOrText(params)
        .raw("\n</strong>");
  }
}
