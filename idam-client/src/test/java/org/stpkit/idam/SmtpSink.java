package org.stpkit.idam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Just enough SMTP on 127.0.0.1 to receive Keycloak's emails in a test and keep them. */
final class SmtpSink implements AutoCloseable {
  private final ServerSocket server;
  private final List<String> messages = new CopyOnWriteArrayList<>();

  SmtpSink() throws IOException {
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::serve, "smtp-sink");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return server.getLocalPort();
  }

  List<String> messages() {
    return messages;
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept();
           BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
           PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
        reply(out, "220 sink");
        String line;
        while ((line = in.readLine()) != null) {
          String command = line.toUpperCase();
          if (command.startsWith("EHLO") || command.startsWith("HELO")) {
            reply(out, "250 sink");
          } else if (command.startsWith("DATA")) {
            reply(out, "354 go on");
            StringBuilder message = new StringBuilder();
            while ((line = in.readLine()) != null && !line.equals(".")) {
              message.append(line).append('\n');
            }
            messages.add(message.toString());
            reply(out, "250 kept");
          } else if (command.startsWith("QUIT")) {
            reply(out, "221 bye");
            break;
          } else {
            reply(out, "250 ok");
          }
        }
      } catch (IOException closedOrDropped) {
        // The next connection is served; close() ends the loop.
      }
    }
  }

  private static void reply(PrintWriter out, String text) {
    out.print(text + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
