package org.stpkit.spring.forms;

import java.time.Duration;

/** What the form servlets report as they serve: page times and submissions (Micrometer, when present). */
interface FormObserver {
  FormObserver NONE = new FormObserver() {
    @Override
    public void served(String formId, String method, int status, Duration took) {}

    @Override
    public void submitted(String formId, boolean sent) {}
  };

  void served(String formId, String method, int status, Duration took);

  void submitted(String formId, boolean sent);
}
