package org.stpkit.notifysimulator;

/** Notify's API key types. */
public enum KeyType {
  /** Sends to anyone. */
  LIVE,
  /** Sends only to the service's team members; no letters. */
  TEAM,
  /** Sends nothing: messages end delivered, or failed for the simulator's failure recipients. */
  TEST
}
