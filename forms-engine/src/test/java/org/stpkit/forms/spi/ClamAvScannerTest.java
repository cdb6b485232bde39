package org.stpkit.forms.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.SampleFiles;
import org.stpkit.forms.StubClamd;

/** The ClamAV client against a stub daemon speaking clamd's INSTREAM protocol over TCP. */
class ClamAvScannerTest {
  private StubClamd clamd;

  @BeforeEach
  void start() throws Exception {
    clamd = new StubClamd();
  }

  @AfterEach
  void stop() throws Exception {
    clamd.close();
  }

  private ClamAvScanner scanner() {
    return ClamAvScanner.at("127.0.0.1", clamd.port()).timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).build();
  }

  @Test
  void aCleanFileIsCleanAndIsSentAsOneZInstreamCommand() {
    assertThat(scanner().scan(SampleFiles.pdf())).isEqualTo(ScanResult.clean());
    assertThat(clamd.commands()).containsExactly("zINSTREAM");
  }

  @Test
  void aVirusIsReportedByTheNameClamdGivesIt() {
    assertThat(scanner().scan(SampleFiles.pdfWith(SampleFiles.EICAR))).isEqualTo(ScanResult.infected("Eicar-Signature"));
  }

  @Test
  void theFileGoesInChunksOfTheChosenSizeEndedByAZeroLength() {
    byte[] content = "0123456789abcdefghij-and-a-tail".getBytes(StandardCharsets.US_ASCII);
    ClamAvScanner small = ClamAvScanner.at("127.0.0.1", clamd.port()).chunkSize(8).build();
    assertThat(small.scan(content)).isEqualTo(ScanResult.clean());
    assertThat(clamd.chunkLengths()).containsExactly(List.of(8, 8, 8, 7));
  }

  @Test
  void anEmptyStreamIsJustTheZeroLength() {
    assertThat(scanner().scan(new byte[0])).isEqualTo(ScanResult.clean());
    assertThat(clamd.chunkLengths()).containsExactly(List.of());
  }

  @Test
  void anErrorReplyIsAFailureWithClamdsWords() {
    clamd.mode(StubClamd.Mode.ERROR);
    assertThat(scanner().scan(SampleFiles.pdf())).isInstanceOfSatisfying(ScanResult.Failed.class, failed ->
        assertThat(failed.reason()).contains("INSTREAM size limit exceeded. ERROR"));
  }

  @Test
  void aDaemonThatNeverAnswersIsAFailureAfterTheReadTimeout() {
    clamd.mode(StubClamd.Mode.SILENT);
    ClamAvScanner impatient = ClamAvScanner.at("127.0.0.1", clamd.port())
        .timeouts(Duration.ofSeconds(2), Duration.ofMillis(300)).build();
    long started = System.nanoTime();
    assertThat(impatient.scan(SampleFiles.pdf())).isInstanceOfSatisfying(ScanResult.Failed.class, failed ->
        assertThat(failed.reason()).contains("no answer").contains("300 ms"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aDaemonThatIsDownIsAFailureNotAnException() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    ScanResult result = ClamAvScanner.at("127.0.0.1", port).build().scan(SampleFiles.pdf());
    assertThat(result).isInstanceOfSatisfying(ScanResult.Failed.class, failed ->
        assertThat(failed.reason()).contains("could not scan with clamd at 127.0.0.1:" + port));
  }
}
