package org.stpkit.notify;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A dispatcher in a process of its own, for the fault test to kill:
 * {@code DispatcherNode <jdbc url> <notify base url> <api key> <node name>}.
 */
public final class DispatcherNode {
  private DispatcherNode() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(args[0]);
    MilestoneMessenger messenger = FaultIT.dispatcher(postgres, args[1], args[2], args[3]);
    System.out.println("dispatching as " + args[3]);
    System.out.flush();
    new CountDownLatch(1).await();
    messenger.close();
  }

  static Duration heartbeat() {
    return Duration.ofSeconds(1);
  }
}
