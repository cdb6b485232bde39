package org.stpkit.forms.spi;

import java.util.Objects;

/** What a {@link VirusScanner} found: nothing, a virus by its name, or that it could not scan. */
public sealed interface ScanResult {
  /** Nothing found. */
  record Clean() implements ScanResult {}

  /** A virus, by the scanner's name for it ({@code Eicar-Signature}). */
  record Infected(String signature) implements ScanResult {
    public Infected {
      Objects.requireNonNull(signature, "signature");
    }
  }

  /**
   * The scanner could not say (down, timed out, an answer it could not read): the file is refused
   * and the user asked to try again.
   */
  record Failed(String reason) implements ScanResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static ScanResult clean() {
    return new Clean();
  }

  static ScanResult infected(String signature) {
    return new Infected(signature);
  }

  static ScanResult failed(String reason) {
    return new Failed(reason);
  }
}
