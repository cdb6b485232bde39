package org.stpkit.forms.spi;



/**
 * Receives a completed form's answers, once per journey. Throwing tells the user the form could not
 * be sent and lets them try again; nothing is lost.
 */
@FunctionalInterface
public interface SubmissionHandler {
  void submit(Submission submission);
}
