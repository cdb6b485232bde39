package org.stpkit.formsoutbox;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An instance that only delivers, in a JVM of its own so that a test can kill it (SIGKILL) in the
 * middle of a delivery: {@code DeliveryNode <jdbc url> <receiver url> <node name> <private JWK set file>}.
 * Its webhook waits a long time for an answer, so that it is still waiting when it is killed.
 */
public final class DeliveryNode {
  private DeliveryNode() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(args[0]);
    SigningKeys keys = SigningKeys.fromJwkSet(Files.readString(Path.of(args[3])));
    try (FormsOutbox outbox = FormsOutbox.builder(FormsDatabase.on(dataSource))
        .form("fishing-licence", form -> form
            .output("case-system", WebhookOutput.to(URI.create(args[1]), keys)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(60)).build())
            .output("reporting", SubmissionTable.inFormsDatabase()))
        .attemptTimeout(Duration.ofSeconds(90))
        .heartbeat(Duration.ofSeconds(1))
        .nodeName(args[2])
        .build()) {
      System.out.println("delivering as " + args[2]);
      System.out.flush();
      new CountDownLatch(1).await();
    }
  }
}
