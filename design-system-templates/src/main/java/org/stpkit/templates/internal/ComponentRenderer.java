package org.stpkit.templates.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stpkit.templates.TemplateRenderingException;
import org.stpkit.templates.internal.components.Components;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;

/**
 * The API's one way into component rendering: a component by its govuk-frontend name, its params
 * checked against {@code macro-options.json}, rendered by its Java class; and the HTML escaping
 * the components use, for the few snippets the API writes itself.
 */
public final class ComponentRenderer {
  private final ParamValidator validator = new ParamValidator();
  private final boolean validateParams;

  public ComponentRenderer(boolean validateParams) {
    this.validateParams = validateParams;
  }

  /** The component names, such as {@code "date-input"}. */
  public static List<String> names() {
    return ComponentNames.ALL;
  }

  /** Text escaped for HTML content and attribute values, exactly as the components escape it. */
  public static String escape(String text) {
    return Js.escape(text);
  }

  /**
   * Renders a component.
   *
   * @throws TemplateRenderingException for an unknown component or params of the wrong shape, naming the param's path
   */
  public String render(String component, Map<String, ?> params) {
    Optional<Component> renderer = Components.byName(component);
    if (renderer.isEmpty()) {
      throw new TemplateRenderingException(
          "Unknown component '" + component + "'. Known components: " + String.join(", ", ComponentNames.ALL),
          component, null, null);
    }
    if (validateParams) {
      ParamValidator.Problem problem = validator.check(component, params);
      if (problem != null) {
        throw new TemplateRenderingException(
            component + ": param '" + problem.path() + "' " + problem.message(), component, problem.path(), null);
      }
    }
    Html html = new Html(new StringBuilder(1024));
    try {
      renderer.get().render(JsObject.of(params), null, html);
    } catch (RuntimeException e) {
      // Params the checks let through (validation off, or values of unexpected Java types).
      throw new TemplateRenderingException("Could not render " + component + ": " + e, component, null, e);
    }
    return html.toString();
  }
}
