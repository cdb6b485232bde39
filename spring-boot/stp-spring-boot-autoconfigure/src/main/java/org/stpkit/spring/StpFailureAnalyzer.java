package org.stpkit.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link StpConfigurationException} into Spring Boot's "APPLICATION FAILED TO START"
 * report: the problems, one to a line, and what to do, instead of a stack trace.
 */
public final class StpFailureAnalyzer extends AbstractFailureAnalyzer<StpConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StpConfigurationException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
