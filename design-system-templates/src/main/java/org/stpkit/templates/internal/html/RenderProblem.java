package org.stpkit.templates.internal.html;

/**
 * Input a component cannot render, found while rendering (where the param checks cannot see it,
 * such as a missing {@code caller()}): the message is for the developer who called the component.
 */
public final class RenderProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RenderProblem(String message) {
    super(message, null, false, false);
  }
}
