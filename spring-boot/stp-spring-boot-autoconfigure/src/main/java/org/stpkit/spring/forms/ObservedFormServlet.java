package org.stpkit.spring.forms;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.stpkit.forms.servlet.FormServlet;

/** forms-engine's servlet, timed: the form servlet itself is final and knows nothing of metrics. */
final class ObservedFormServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient FormServlet delegate;
  private final String formId;
  private final transient FormObserver observer;

  ObservedFormServlet(FormServlet delegate, String formId, FormObserver observer) {
    this.delegate = delegate;
    this.formId = formId;
    this.observer = observer;
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    delegate.init(config);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
    long started = System.nanoTime();
    try {
      delegate.service(request, response);
    } finally {
      observer.served(formId, request.getMethod(), response.getStatus(), Duration.ofNanos(System.nanoTime() - started));
    }
  }

  @Override
  public void destroy() {
    delegate.destroy();
    super.destroy();
  }
}
