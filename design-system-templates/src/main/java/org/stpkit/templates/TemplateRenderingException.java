package org.stpkit.templates;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one exception this module throws: a component or page could not be rendered.
 *
 * <p>The message is written for the developer who passed the params: it names the component and,
 * where the problem is one param, the param's path (for example {@code items[2].text}). It never
 * carries a FreeMarker stack trace as its message.
 */
public class TemplateRenderingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String component;
  private final @Nullable String paramPath;

  public TemplateRenderingException(
      String message, @Nullable String component, @Nullable String paramPath, @Nullable Throwable cause) {
    super(message, cause);
    this.component = component;
    this.paramPath = paramPath;
  }

  /** The govuk-frontend component name, such as {@code "date-input"}, when one was being rendered. */
  public Optional<String> component() {
    return Optional.ofNullable(component);
  }

  /** The path of the offending param, such as {@code "items[2].text"}, when one param is at fault. */
  public Optional<String> paramPath() {
    return Optional.ofNullable(paramPath);
  }
}
