package org.stpkit.forms;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small stand-in for ClamAV's daemon on 127.0.0.1: it speaks the INSTREAM protocol as clamd does
 * (a NUL-terminated {@code zINSTREAM}, chunks each after a 4-byte big-endian length, a zero length,
 * then one NUL-terminated reply) and finds a virus in any stream holding the EICAR test signature.
 * It can be told to answer with an error, or not at all; stopped, it is a scanner that is down.
 */
public final class StubClamd implements AutoCloseable {
  /** How it answers. */
  public enum Mode { SCAN, ERROR, SILENT }

  private final ServerSocket server;
  private final Thread acceptor;
  private volatile Mode mode = Mode.SCAN;
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private final List<List<Integer>> chunkLengths = new CopyOnWriteArrayList<>();
  private final AtomicInteger scans = new AtomicInteger();
  private Socket portHolder;

  public StubClamd() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "stub-clamd");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  public void mode(Mode mode) {
    this.mode = mode;
  }

  /** The commands received, in order ({@code zINSTREAM}). */
  public List<String> commands() {
    return List.copyOf(commands);
  }

  /** For each stream, the length of each chunk it came in. */
  public List<List<Integer>> chunkLengths() {
    return List.copyOf(chunkLengths);
  }

  /** Streams scanned to the end. */
  public int scans() {
    return scans.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread handler = new Thread(() -> handle(socket), "stub-clamd-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(Socket socket) {
    try (socket) {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      ByteArrayOutputStream command = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) > 0) {
        command.write(b);
      }
      commands.add(command.toString(StandardCharsets.US_ASCII));
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      List<Integer> lengths = new java.util.ArrayList<>();
      int length;
      while ((length = in.readInt()) > 0) {
        lengths.add(length);
        stream.write(in.readNBytes(length));
      }
      chunkLengths.add(List.copyOf(lengths));
      scans.incrementAndGet();
      OutputStream out = socket.getOutputStream();
      switch (mode) {
        case SILENT -> {
          // Holds the connection open without a word until the client gives up.
          in.read();
          return;
        }
        case ERROR -> out.write("INSTREAM size limit exceeded. ERROR\0".getBytes(StandardCharsets.US_ASCII));
        case SCAN -> {
          boolean virus = stream.toString(StandardCharsets.ISO_8859_1).contains("EICAR-STANDARD-ANTIVIRUS-TEST-FILE");
          out.write((virus ? "stream: Eicar-Signature FOUND\0" : "stream: OK\0").getBytes(StandardCharsets.US_ASCII));
        }
      }
      out.flush();
    } catch (IOException e) {
      // The client went away: nothing to answer.
    }
  }

  /**
   * A clamd that is down: it stops listening, so connections to its port are refused. The port is
   * then held by a socket that is bound but never listens, so that no other server (another stub,
   * in another build on the machine) is given the freed port and answers instead. When that bind
   * fails, a connection the stub accepted still holds the port, which keeps it from being given out
   * just as well.
   */
  public synchronized void stop() throws IOException {
    if (server.isClosed()) {
      return;
    }
    int port = server.getLocalPort();
    server.close();
    Socket holder = new Socket();
    try {
      holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      portHolder = holder;
    } catch (IOException stillInUse) {
      holder.close();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    server.close();
    if (portHolder != null) {
      portHolder.close();
    }
  }
}
