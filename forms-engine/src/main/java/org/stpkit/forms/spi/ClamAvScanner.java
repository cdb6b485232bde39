package org.stpkit.forms.spi;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link VirusScanner} that asks a ClamAV daemon ({@code clamd}) over TCP with its {@code INSTREAM}
 * command: {@code zINSTREAM\0}, the file in chunks each after its length (4 bytes, big-endian), a
 * zero length to end, then one reply: {@code stream: OK} or {@code stream: <virus> FOUND}. Anything
 * else (an {@code ERROR} such as clamd's {@code StreamMaxLength} being exceeded, no answer within the
 * timeout, no daemon) is {@link ScanResult.Failed}: the file is refused and the user asked to try
 * again. One connection per file, so there is nothing to keep alive or to share between threads.
 */
public final class ClamAvScanner implements VirusScanner {
  private static final int MAX_REPLY = 1024;

  private final String host;
  private final int port;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int chunkSize;

  private ClamAvScanner(Builder builder) {
    this.host = builder.host;
    this.port = builder.port;
    this.connectTimeout = builder.connectTimeout;
    this.readTimeout = builder.readTimeout;
    this.chunkSize = builder.chunkSize;
  }

  /** A scanner for the clamd listening at this host and TCP port (clamd's default is 3310). */
  public static Builder at(String host, int port) {
    return new Builder(host, port);
  }

  @Override
  public ScanResult scan(byte[] content) {
    Objects.requireNonNull(content, "content");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
      socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
      OutputStream out = socket.getOutputStream();
      DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, chunkSize + 4));
      data.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
      for (int offset = 0; offset < content.length; offset += chunkSize) {
        int length = Math.min(chunkSize, content.length - offset);
        data.writeInt(length);
        data.write(content, offset, length);
      }
      data.writeInt(0);
      data.flush();
      return answer(readReply(socket.getInputStream()));
    } catch (SocketTimeoutException e) {
      return ScanResult.failed("no answer from clamd at " + host + ":" + port + " within " + readTimeout.toMillis() + " ms");
    } catch (IOException e) {
      // clamd closes the connection when a stream is over its StreamMaxLength: the reply may be lost.
      return ScanResult.failed("could not scan with clamd at " + host + ":" + port + ": " + e);
    }
  }

  /** clamd's reply up to its terminating NUL (or the end of the connection). */
  private static String readReply(InputStream in) throws IOException {
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) > 0) {
      if (reply.size() == MAX_REPLY) {
        break;
      }
      reply.write(b);
    }
    return reply.toString(StandardCharsets.UTF_8).strip();
  }

  private ScanResult answer(String reply) {
    if (reply.equals("stream: OK")) {
      return ScanResult.clean();
    }
    if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
      return ScanResult.infected(reply.substring("stream: ".length(), reply.length() - " FOUND".length()).strip());
    }
    return ScanResult.failed("clamd at " + host + ":" + port + " answered '" + reply + "'");
  }

  @Override
  public String toString() {
    return "clamd at " + host + ":" + port;
  }

  /** Timeouts and chunk size. */
  public static final class Builder {
    private final String host;
    private final int port;
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration readTimeout = Duration.ofSeconds(30);
    private int chunkSize = 64 * 1024;

    private Builder(String host, int port) {
      this.host = Objects.requireNonNull(host, "host");
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("port must be 1 to 65535: " + port);
      }
      this.port = port;
    }

    /**
     * How long to wait to connect (default 2 seconds) and for each read of the reply (default 30
     * seconds: a large file takes clamd a while).
     */
    public Builder timeouts(Duration connect, Duration read) {
      this.connectTimeout = positive(connect, "connect");
      this.readTimeout = positive(read, "read");
      return this;
    }

    /** The size of each chunk sent (default 64 KiB). */
    public Builder chunkSize(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("chunkSize must be positive: " + bytes);
      }
      this.chunkSize = bytes;
      return this;
    }

    public ClamAvScanner build() {
      return new ClamAvScanner(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " timeout must be positive: " + duration);
      }
      return duration;
    }
  }
}
