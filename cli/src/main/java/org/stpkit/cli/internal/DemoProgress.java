package org.stpkit.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code stp demo}'s progress: one line for each step as it ends, with the time since the command
 * started and how long the step took. On a terminal, the steps under way are also shown on a line
 * of their own, redrawn every second, so that a first run's minutes of building never look stuck;
 * in pipes and CI each step is announced by a line when it starts instead.
 */
final class DemoProgress implements AutoCloseable {
  private final PrintWriter out;
  private final boolean live;
  private final long started = System.nanoTime();
  private final List<Step> running = new ArrayList<>();
  private final ScheduledExecutorService redraw;
  private boolean liveLineShown;

  private DemoProgress(PrintWriter out, boolean live) {
    this.out = out;
    this.live = live;
    this.redraw = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "stp-demo-progress");
      thread.setDaemon(true);
      return thread;
    });
    if (live) {
      redraw.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
    }
  }

  /** Progress on {@code out}, redrawn in place when standard output is a terminal outside CI. */
  static DemoProgress on(PrintWriter out) {
    return new DemoProgress(out, TerminalProgress.isTerminal());
  }

  /** Progress as plain lines, whatever the output is (tests, and any output that is not a terminal). */
  static DemoProgress plain(PrintWriter out) {
    return new DemoProgress(out, false);
  }

  /** Starts a step: {@code doing} says what it does ("building the example"). */
  synchronized Step begin(String doing) {
    Step step = new Step(doing);
    running.add(step);
    if (live) {
      drawLiveLine();
    } else {
      out.println(stamp(System.nanoTime()) + doing + "...");
      out.flush();
    }
    return step;
  }

  /** A line of its own, between the steps' lines. */
  synchronized void line(String text) {
    clearLiveLine();
    out.println(text);
    out.flush();
    if (live && !running.isEmpty()) {
      drawLiveLine();
    }
  }

  /** A line stamped with the time since the command started, for what happened at once (nothing to wait for). */
  synchronized void note(String text) {
    line(stamp(System.nanoTime()) + text);
  }

  /** Seconds since the command started. */
  double elapsedSeconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  @Override
  public synchronized void close() {
    redraw.shutdownNow();
    clearLiveLine();
    running.clear();
    out.flush();
  }

  private synchronized void redraw() {
    if (!running.isEmpty()) {
      drawLiveLine();
    }
  }

  private void drawLiveLine() {
    long now = System.nanoTime();
    StringBuilder line = new StringBuilder(stamp(now));
    for (int i = 0; i < running.size(); i++) {
      Step step = running.get(i);
      line.append(i == 0 ? "" : "; ").append(step.status);
      line.append(String.format(Locale.ROOT, " (%.0f s)", (now - step.began) / 1e9));
    }
    out.print("\r\u001b[2K" + line);
    out.flush();
    liveLineShown = true;
  }

  private void clearLiveLine() {
    if (liveLineShown) {
      out.print("\r\u001b[2K");
      liveLineShown = false;
    }
  }

  private String stamp(long now) {
    return String.format(Locale.ROOT, "[%6.1f s] ", (now - started) / 1e9);
  }

  /** A step under way. */
  final class Step {
    private final long began = System.nanoTime();
    private String status;

    private Step(String doing) {
      this.status = doing;
    }

    /** What the step is doing now ("building the example: 7 of 15, forms-engine"); shown on a terminal only. */
    void status(String now) {
      synchronized (DemoProgress.this) {
        status = now;
      }
    }

    /** Ends the step with a line saying what it did; the time it took is added. */
    void done(String result) {
      synchronized (DemoProgress.this) {
        long now = System.nanoTime();
        running.remove(this);
        line(stamp(now) + result + String.format(Locale.ROOT, " (%.1f s)", (now - began) / 1e9));
      }
    }

    /** Ends the step without a line (it failed, and the failure is reported on its own). */
    void abandon() {
      synchronized (DemoProgress.this) {
        running.remove(this);
        if (live) {
          clearLiveLine();
          if (!running.isEmpty()) {
            drawLiveLine();
          }
          out.flush();
        }
      }
    }
  }
}
