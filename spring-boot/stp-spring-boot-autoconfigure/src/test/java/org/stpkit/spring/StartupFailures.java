package org.stpkit.spring;

import java.util.ArrayList;
import java.util.List;

/** Reading why a context did not start, for the auto-configuration tests. */
public final class StartupFailures {
  private StartupFailures() {}

  /** The {@link StpConfigurationException} among the failure's causes; fails the test when there is none. */
  public static StpConfigurationException stpFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof StpConfigurationException stp) {
        return stp;
      }
    }
    throw new AssertionError("No StpConfigurationException among the causes of " + failure, failure);
  }

  /** The messages of the failure and each of its causes, outermost first. */
  public static List<String> messages(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      messages.add(String.valueOf(cause.getMessage()));
    }
    return messages;
  }
}
