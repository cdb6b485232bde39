package org.stpkit.cli.internal;

/**
 * A JVM that does nothing until it is stopped, and never reads its standard input: in {@link
 * DemoKilledIT} it stands in for the service (given {@link ExitWithStp}, as the real one is) and for
 * Keycloak's JVM (which kc.sh execs, as the real kc.sh does).
 */
public final class SleepingJvm {
  private SleepingJvm() {}

  public static void main(String[] args) throws InterruptedException {
    while (true) {
      Thread.sleep(60_000);
    }
  }
}
