package org.stpkit.notifysimulator;

/** The simulator's one unchecked exception: a bad configuration or a server that could not start. */
public class SimulatorException extends RuntimeException {
  public SimulatorException(String message) {
    super(message);
  }

  public SimulatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
