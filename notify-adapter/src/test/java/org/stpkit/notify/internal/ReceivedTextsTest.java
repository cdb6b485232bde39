package org.stpkit.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.RequestKind;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.testsupport.MovableClock;

/**
 * Reading received texts takes its rate slots on the messenger's clock, from the claim to the
 * release: a page read counts for the 60 seconds after it ended by that clock, not by the machine's.
 */
class ReceivedTextsTest {
  /** Far from the machine's time, so a slot released at the machine's time would be out of the window. */
  private static final Instant START = Instant.parse("2040-03-01T09:00:00Z");

  /** A Notify with no received texts, counting the pages read. */
  private final NotifySimulator notify = NotifySimulator.start(SimulatorConfig.withTemplates(List.of()));
  private final JdbcDataSource h2 = new JdbcDataSource();
  private final MovableClock clock = MovableClock.at(START);

  ReceivedTextsTest() {
    h2.setURL("jdbc:h2:mem:received-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    new Outbox(h2).migrate();
  }

  @AfterEach
  void stop() {
    notify.close();
  }

  @Test
  void aPageReadHoldsItsRateSlotForSixtySecondsOfTheMessengersClock() throws Exception {
    // One request a minute: after one page, the next read waits for the window to pass.
    Claims claims = new Claims(h2, 1, Duration.ofSeconds(40), Set.of(""));
    NotifyTransport transport = new NotifyTransport(notify.apiKey(KeyType.LIVE), notify.baseUrl(),
        Duration.ofSeconds(5), Duration.ofSeconds(10));
    List<Object> handed = new ArrayList<>();
    ReceivedTexts texts = new ReceivedTexts(h2, claims, Map.of("", transport), handed::add, Duration.ZERO, clock);

    texts.pollNow(clock.instant());
    assertThat(pageReads()).isEqualTo(1);
    assertThat(slotTimes()).containsExactly(START);

    clock.advance(Duration.ofSeconds(59));
    texts.pollNow(clock.instant());
    assertThat(pageReads()).as("the slot released at " + START + " still counts 59 s later").isEqualTo(1);

    clock.advance(Duration.ofSeconds(2));
    texts.pollNow(clock.instant());
    assertThat(pageReads()).as("61 s later the window has room again").isEqualTo(2);
    assertThat(handed).isEmpty();
  }

  /** When each rate slot counts from, as recorded. */
  private List<Instant> slotTimes() throws Exception {
    List<Instant> times = new ArrayList<>();
    try (Connection connection = h2.getConnection(); Statement select = connection.createStatement();
        ResultSet result = select.executeQuery("SELECT sent_at FROM notify_send_log ORDER BY sent_at")) {
      while (result.next()) {
        times.add(result.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC));
      }
    }
    return times;
  }

  private long pageReads() {
    return notify.requests(RequestKind.RECEIVED_TEXTS);
  }
}
