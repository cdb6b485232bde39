package org.stpkit.forms.spi;

/**
 * Scans each uploaded file before the engine keeps it. {@link ClamAvScanner} talks to a ClamAV
 * daemon; a form with file questions needs a scanner ({@code FormEngine.Builder.virusScanner}).
 * Implementations must be thread-safe, answer within a bounded time, and report a failure as
 * {@link ScanResult.Failed} rather than throw.
 */
@FunctionalInterface
public interface VirusScanner {
  ScanResult scan(byte[] content);

  /**
   * A scanner that scans nothing and finds every file clean: for prototypes and tests only, never
   * for a service that takes files from the public.
   */
  static VirusScanner acceptingUnscanned() {
    return content -> ScanResult.clean();
  }
}
