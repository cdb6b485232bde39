package org.stpkit.notify;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A dispatcher in a process of its own, for the tests to kill:
 * {@code DispatcherNode <jdbc url> <notify base url> <api key> <node name> [<status poll after, ms>]}.
 * Its database connections carry the node's name as their application name, so a test can see in
 * {@code pg_stat_activity} what the node is waiting for. Prints {@code dispatching as <name>} once
 * its scheduler runs.
 */
public final class DispatcherNode {
  private DispatcherNode() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(args[0]);
    postgres.setApplicationName(args[3]);
    Duration pollAfter = args.length > 4 ? Duration.ofMillis(Long.parseLong(args[4])) : Duration.ofHours(1);
    MilestoneMessenger messenger = FaultIT.dispatcher(postgres, args[1], args[2], args[3], pollAfter);
    System.out.println("dispatching as " + args[3]);
    System.out.flush();
    new CountDownLatch(1).await();
    messenger.close();
  }

  static Duration heartbeat() {
    return Duration.ofSeconds(1);
  }
}
