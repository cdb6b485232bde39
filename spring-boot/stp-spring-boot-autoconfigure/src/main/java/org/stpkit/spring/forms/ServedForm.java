package org.stpkit.spring.forms;

import java.util.Objects;
import org.stpkit.forms.FormEngine;

/**
 * One form the service serves: where, and the engine that serves it.
 *
 * @param path the mount path, such as {@code /apply}; the journey is under it
 * @param engine the form's engine (its definition is {@code engine.form()})
 */
public record ServedForm(String path, FormEngine engine) {
  public ServedForm {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(engine, "engine");
  }

  public String id() {
    return engine.form().id();
  }
}
