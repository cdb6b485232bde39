package org.stpkit.templates.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.TemplateRenderingException;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.Js;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;
import org.stpkit.templates.internal.html.RenderProblem;

/**
 * The API's one way into component rendering: a component by its govuk-frontend name or any
 * macro name ({@link ComponentRegistry}), its params checked against its documented options,
 * rendered by its Java class; and the HTML escaping the components use, for the few snippets the
 * API writes itself.
 */
public final class ComponentRenderer {
  private static final List<String> MOJ_NAMES = ComponentRegistry.all().stream()
      .filter(entry -> entry.family() == ComponentRegistry.Family.MOJ)
      .map(ComponentRegistry.Entry::macro)
      .toList();

  private final ParamValidator validator = new ParamValidator();
  private final boolean validateParams;

  public ComponentRenderer(boolean validateParams) {
    this.validateParams = validateParams;
  }

  /** The govuk-frontend component names, such as {@code "date-input"}. */
  public static List<String> names() {
    return ComponentNames.ALL;
  }

  /** The MoJ Frontend components' macro names, such as {@code "mojTimeline"}. */
  public static List<String> mojNames() {
    return MOJ_NAMES;
  }

  /** Text escaped for HTML content and attribute values, exactly as the components escape it. */
  public static String escape(String text) {
    return Js.escape(text);
  }

  /**
   * Renders a component, with {@code callerHtml} as the nested content of a Nunjucks
   * {@code {% call %}} when given.
   *
   * @throws TemplateRenderingException for an unknown component or params of the wrong shape, naming the param's path
   */
  public String render(String component, Map<String, ?> params, @Nullable String callerHtml) {
    Optional<ComponentRegistry.Entry> found = ComponentRegistry.find(component);
    if (found.isEmpty()) {
      throw new TemplateRenderingException("Unknown component '" + component + "'. Known components: "
          + String.join(", ", ComponentNames.ALL) + "; and by macro name: " + String.join(", ", MOJ_NAMES),
          component, null, null);
    }
    String name = found.get().name();
    if (validateParams) {
      ParamValidator.Problem problem = validator.check(name, params);
      if (problem != null) {
        throw new TemplateRenderingException(
            name + ": param '" + problem.path() + "' " + problem.message(), name, problem.path(), null);
      }
    }
    Html html = new Html(new StringBuilder(1024));
    try {
      found.get().component().render(JsObject.of(params), callerHtml == null ? null : new Markup(callerHtml), html);
    } catch (RenderProblem e) {
      throw new TemplateRenderingException(name + ": " + e.getMessage(), name, null, null);
    } catch (RuntimeException e) {
      // Params the checks let through (validation off, or values of unexpected Java types).
      throw new TemplateRenderingException("Could not render " + name + ": " + e, name, null, e);
    }
    return html.toString();
  }
}
