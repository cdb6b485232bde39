package org.stpkit.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Java agent for the JVMs {@code stp demo} starts from the kit's own code (the example service,
 * with the Notify simulator inside it): the JVM ends when stp has gone, however it went. Ctrl-C and
 * SIGTERM run stp's shutdown hook, which stops its children; SIGKILL, the OOM killer or a closed
 * terminal run nothing, and a service left behind keeps its ports, so that the next {@code stp demo}
 * cannot start or talks to the stale one.
 *
 * <p>The agent reads the JVM's standard input, a pipe whose other end only stp holds, until it ends.
 * The kernel closes that end the moment stp ends, for whatever reason, so the read returns at once.
 * Watching the parent instead ({@code ProcessHandle.current().parent().onExit()}) is weaker on every
 * count: the JDK polls a process that is not its own child, up to 5 s apart; a JVM whose parent died
 * before the watch began finds init or a subreaper as its parent and waits for it forever; and it
 * leans on pid and start-time checks where a pipe has nothing to confuse. The JDK closes every other
 * descriptor in a process it starts, so no other child of stp holds the pipe open.
 *
 * <p>As an agent rather than code in the service, the example stays as a service owner would copy
 * it, and the JVM still runs with {@code -jar}. The agent jar holds this one class, so it must use
 * nothing but the JDK: {@link #writeJar} copies it out of stp's own jar.
 */
public final class ExitWithStp {
  /** How long the JVM's shutdown hooks (Spring closing the service) are given before it is halted. */
  private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(20);

  private ExitWithStp() {}

  /** Called by the JVM before the service's main method, for {@code -javaagent:<jar>}. */
  public static void premain(String arguments) {
    Thread watch = new Thread(ExitWithStp::exitAtEndOfInput, "exit-with-stp");
    watch.setDaemon(true);
    watch.start();
  }

  private static void exitAtEndOfInput() {
    byte[] buffer = new byte[256];
    try (InputStream input = System.in) {
      while (input.read(buffer) >= 0) {
        // stp writes nothing; anything that comes is ignored until the pipe ends.
      }
    } catch (IOException e) {
      // An unreadable pipe is as good as an ended one: stp is not there to write to it.
    }
    System.err.println("stp demo has gone (the standard input it held open has ended): stopping");
    Thread halt = new Thread(ExitWithStp::haltAfterShutdownLimit, "exit-with-stp-halt");
    halt.setDaemon(true);
    halt.start();
    System.exit(0);
  }

  /** Daemon threads run on while shutdown hooks do: a hook that never returns must not keep the ports. */
  private static void haltAfterShutdownLimit() {
    try {
      Thread.sleep(SHUTDOWN_LIMIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.err.println("stp demo has gone and the shutdown did not finish within " + SHUTDOWN_LIMIT.toSeconds()
        + " s: halting");
    Runtime.getRuntime().halt(1);
  }

  /** The agent's jar, written to {@code jar} (to a file of this process's first, so that a JVM never reads half of one, even with two runs at once). */
  static Path writeJar(Path jar) throws IOException {
    String entry = ExitWithStp.class.getName().replace('.', '/') + ".class";
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ExitWithStp.class.getName());
    Files.createDirectories(jar.toAbsolutePath().getParent());
    Path partial = jar.resolveSibling(jar.getFileName() + "." + ProcessHandle.current().pid());
    try (InputStream classFile = ExitWithStp.class.getResourceAsStream("/" + entry);
        OutputStream out = Files.newOutputStream(partial);
        JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      if (classFile == null) {
        throw new IOException("stp's jar has no " + entry);
      }
      jarOut.putNextEntry(new JarEntry(entry));
      classFile.transferTo(jarOut);
      jarOut.closeEntry();
    }
    return Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
