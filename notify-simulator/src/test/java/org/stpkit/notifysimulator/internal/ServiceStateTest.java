package org.stpkit.notifysimulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stpkit.notifyrules.Postage;
import org.stpkit.notifysimulator.ApiKey;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotificationStatus;
import org.stpkit.notifysimulator.SimulatedTemplate;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.notifysimulator.TemplateType;
import org.stpkit.testsupport.MovableClock;

/** One service's state on its own: paging through the indexes, statuses moved on by the clock, limits, texts expiring. */
class ServiceStateTest {
  private static final SimulatedTemplate SMS = new SimulatedTemplate(UUID.randomUUID().toString(), TemplateType.SMS,
      "Reminder", Optional.empty(), "Hi ((name))", 1);
  private static final ApiKey LIVE = new ApiKey("live", KeyType.LIVE, UUID.randomUUID().toString());

  private final MovableClock clock = MovableClock.at(Instant.parse("2026-06-01T10:00:00Z"));
  private final List<String> finished = new ArrayList<>();

  private ServiceState state(SimulatorConfig config) {
    return new ServiceState(config, clock, stored -> finished.add(stored.id));
  }

  @Test
  void pagesByReferenceFromAnyIdAmongOtherMessages() throws Exception {
    ServiceState state = state(SimulatorConfig.withTemplates(List.of(SMS)));
    List<String> ours = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      String id = state.store(LIVE, send(), Optional.of(i % 3 == 0 ? "ours" : "other-" + i), stored -> stored.id);
      if (i % 3 == 0) {
        ours.add(id);
      }
    }
    ListQuery first = new ListQuery(Optional.empty(), List.of(), Optional.of("ours"), Optional.empty());
    ServiceState.Page<String> page = state.page(KeyType.LIVE, first, 150, stored -> stored.id);
    assertThat(page.notifications()).hasSize(150).first().isEqualTo(ours.get(199));
    assertThat(page.more()).isTrue();

    ListQuery next = new ListQuery(Optional.empty(), List.of(), Optional.of("ours"), page.lastId());
    ServiceState.Page<String> rest = state.page(KeyType.LIVE, next, 150, stored -> stored.id);
    List<String> oldestFifty = new ArrayList<>(ours.subList(0, 50));
    java.util.Collections.reverse(oldestFifty);
    assertThat(rest.notifications()).containsExactlyElementsOf(oldestFifty);
    assertThat(rest.more()).isFalse();
    // older_than an id that is not itself one of the reference's messages still starts there.
    String otherId = state.page(KeyType.LIVE, new ListQuery(Optional.empty(), List.of(), Optional.empty(), Optional.empty()),
        2, stored -> stored.id).notifications().get(1);
    assertThat(state.page(KeyType.LIVE, new ListQuery(Optional.empty(), List.of(), Optional.of("ours"), Optional.of(otherId)),
        1, stored -> stored.id).notifications()).containsExactly(ours.get(199));
    assertThat(state.countByReference("ours")).isEqualTo(200);
  }

  @Test
  void theClockMovesStatusesOnAndEachEndsOnce() throws Exception {
    ServiceState state = state(SimulatorConfig.withTemplates(List.of(SMS)).withDeliveryDelay(Duration.ofSeconds(10)));
    String id = state.store(LIVE, send(), Optional.empty(), stored -> stored.id);
    assertThat(status(state, id)).isEqualTo(NotificationStatus.CREATED);
    clock.advance(Duration.ofSeconds(5));
    state.tick();
    assertThat(status(state, id)).isEqualTo(NotificationStatus.SENDING);
    clock.advance(Duration.ofSeconds(5));
    state.tick();
    state.tick();
    assertThat(status(state, id)).isEqualTo(NotificationStatus.DELIVERED);
    assertThat(finished).containsExactly(id);
  }

  @Test
  void theRateLimitCountsSendsInTheLastSixtySeconds() throws Exception {
    ServiceState state = state(SimulatorConfig.withTemplates(List.of(SMS)).withRateLimitPerMinute(2));
    state.store(LIVE, send(), Optional.empty(), stored -> stored.id);
    clock.advance(Duration.ofSeconds(30));
    state.store(LIVE, send(), Optional.empty(), stored -> stored.id);
    assertThatThrownBy(() -> state.store(LIVE, send(), Optional.empty(), stored -> stored.id))
        .isInstanceOfSatisfying(NotifyError.Rejected.class, rejected -> assertThat(rejected.error().status()).isEqualTo(429));
    clock.advance(Duration.ofSeconds(31));
    state.store(LIVE, send(), Optional.empty(), stored -> stored.id);
  }

  @Test
  void receivedTextsAreListedForSevenDaysByTheClockThenForgotten() {
    ServiceState state = state(SimulatorConfig.withTemplates(List.of(SMS)));
    String oldest = state.receive("07700900001", "first").id();
    clock.advance(Duration.ofDays(3));
    String middle = state.receive("07700900002", "second").id();
    clock.advance(Duration.ofDays(4));
    String newest = state.receive("07700900003", "third").id();

    // The first is exactly 7 days old: still listed, as Notify lists texts 7 days old or newer.
    assertThat(ids(state.receivedTexts(Optional.empty(), 250))).containsExactly(newest, middle, oldest);

    clock.advance(Duration.ofSeconds(1));
    assertThat(ids(state.receivedTexts(Optional.empty(), 250))).containsExactly(newest, middle);
    assertThat(ids(state.receivedTexts(Optional.of(newest), 250))).containsExactly(middle);
    assertThat(state.receivedTexts(Optional.of(middle), 250)).isEmpty();
    assertThat(state.receivedTexts(Optional.of(oldest), 250)).as("older_than an expired text").isEmpty();
    assertThat(state.receivedTextsHeld()).isEqualTo(2);

    // Forgotten by the clock's tick as well, with nobody listing them.
    clock.advance(Duration.ofDays(4));
    state.tick();
    assertThat(state.receivedTextsHeld()).isEqualTo(1);
    clock.advance(Duration.ofDays(3));
    state.tick();
    assertThat(state.receivedTextsHeld()).isZero();
    assertThat(state.receivedTexts(Optional.empty(), 250)).isEmpty();
  }

  private static List<String> ids(List<ServiceState.ReceivedText> texts) {
    return texts.stream().map(ServiceState.ReceivedText::id).toList();
  }

  private static CheckedSend send() {
    return new CheckedSend(SMS, "07700900123", List.of(), Map.of("name", "Jo"), Postage.SECOND, Optional.empty(),
        Optional.empty(), SendRules.DEFAULT_SENDER, Optional.empty(), Map.of(), Optional.empty());
  }

  private static NotificationStatus status(ServiceState state, String id) {
    return state.find(KeyType.LIVE, id, stored -> stored.status).orElseThrow();
  }
}
