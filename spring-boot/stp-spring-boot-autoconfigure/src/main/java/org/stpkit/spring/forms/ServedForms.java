package org.stpkit.spring.forms;

import java.util.List;
import java.util.Optional;

/** Every form the service serves, in the order of {@code stp.forms.locations}; a bean, for links and health pages. */
public record ServedForms(List<ServedForm> forms) {
  public ServedForms {
    forms = List.copyOf(forms);
  }

  public Optional<ServedForm> byId(String formId) {
    return forms.stream().filter(form -> form.id().equals(formId)).findFirst();
  }
}
