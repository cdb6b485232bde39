package org.stpkit.cli.internal;

import java.io.PrintWriter;
import java.util.Locale;
import org.stpkit.idam.Progress;

/**
 * Progress of a long idam run on one line of a terminal, redrawn at most five times a second:
 * people done, the rate, and the time left. Only on a terminal: in pipes and CI it says nothing, so
 * logs stay clean.
 */
final class TerminalProgress implements Progress {
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final long started = System.nanoTime();
  private long lastDrawn;
  private Stage stage = Stage.READING;
  private long stageStarted = started;

  private TerminalProgress(PrintWriter err) {
    this.err = err;
  }

  /** A display on {@code err} when standard error is a terminal and this is not CI; else {@link Progress#NONE}. */
  static Progress forTerminal(PrintWriter err) {
    return isTerminal() ? new TerminalProgress(err) : Progress.NONE;
  }

  /** Whether a line may be redrawn in place: a terminal that understands it, and not CI, whose logs keep every redraw. */
  static boolean isTerminal() {
    return System.console() != null && System.getenv("CI") == null && !"dumb".equals(System.getenv("TERM"));
  }

  @Override
  public synchronized void update(Stage now, int done, int total) {
    long time = System.nanoTime();
    if (now != stage) {
      stage = now;
      stageStarted = time;
    }
    boolean finished = total > 0 && done >= total;
    if (!finished && time - lastDrawn < REDRAW_NANOS) {
      return;
    }
    lastDrawn = time;
    err.print("\r\u001b[2K" + line(now, done, total, (time - stageStarted) / 1e9));
    if (finished) {
      err.println();
    }
    err.flush();
  }

  static String line(Stage stage, int done, int total, double seconds) {
    String what = stage == Stage.READING ? "reading Keycloak" : "applying";
    double rate = seconds > 0 ? done / seconds : 0;
    StringBuilder line = new StringBuilder(what).append(": ").append(String.format(Locale.ROOT, "%,d", done));
    if (total > 0) {
      line.append(" of ").append(String.format(Locale.ROOT, "%,d", total))
          .append(stage == Stage.APPLYING ? " people" : " reads");
    }
    line.append(String.format(Locale.ROOT, ", %.0f/s", rate));
    if (total > 0 && done < total && rate > 0) {
      long left = Math.round((total - done) / rate);
      line.append(", ").append(left >= 60 ? left / 60 + "m " + left % 60 + "s" : left + "s").append(" left");
    }
    return line.toString();
  }
}
