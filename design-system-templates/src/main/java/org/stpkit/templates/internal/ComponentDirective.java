package org.stpkit.templates.internal;

import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.stpkit.templates.internal.html.Component;
import org.stpkit.templates.internal.html.Html;
import org.stpkit.templates.internal.html.JsObject;
import org.stpkit.templates.internal.html.Markup;
import org.stpkit.templates.internal.html.RenderProblem;

/**
 * A component as a FreeMarker user-defined directive, called like the Nunjucks macro:
 * {@code <@govuk.govukInput name="email" label={"text": "Email"}/>}. Nested content is the
 * component's {@code caller()}, as in {@code {% call govukFieldset(...) %}}.
 */
public final class ComponentDirective implements TemplateDirectiveModel {
  private final String name;
  private final String macro;
  private final Component component;
  private final @Nullable ParamValidator validator;

  public ComponentDirective(ComponentRegistry.Entry entry, @Nullable ParamValidator validator) {
    this.name = entry.name();
    this.macro = entry.macro();
    this.component = entry.component();
    this.validator = validator;
  }

  @Override
  public void execute(Environment env, @SuppressWarnings("rawtypes") Map params, TemplateModel[] loopVars,
      @Nullable TemplateDirectiveBody body) throws TemplateException, IOException {
    if (loopVars.length > 0) {
      throw new TemplateModelException(macro + " has no loop variables");
    }
    Map<String, Object> javaParams = FtlValues.toJavaMap(params);
    if (validator != null) {
      ParamValidator.Problem problem = validator.check(name, javaParams);
      if (problem != null) {
        throw new TemplateModelException(
            macro + ": param '" + problem.path() + "' " + problem.message());
      }
    }
    Markup caller = null;
    if (body != null) {
      StringWriter nested = new StringWriter();
      body.render(nested);
      caller = new Markup(nested.toString());
    }
    Html out = new Html();
    try {
      component.render(JsObject.of(javaParams), caller, out);
    } catch (RenderProblem e) {
      throw new TemplateModelException(macro + ": " + e.getMessage());
    }
    env.getOut().write(out.toString());
  }
}
