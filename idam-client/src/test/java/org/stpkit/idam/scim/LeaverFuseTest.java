package org.stpkit.idam.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stpkit.idam.IdamException;

class LeaverFuseTest {
  private static final Instant NINE = Instant.parse("2026-11-22T09:00:00Z");

  @TempDir
  Path folder;

  @Test
  void blowsPastTheLimitInTheWindowAndQueuesEveryLaterLeaver() {
    LeaverFuse fuse = LeaverFuse.open(2, Duration.ofHours(1), Optional.empty());
    assertThat(fuse.holdsBack("E1", NINE)).isFalse();
    assertThat(fuse.holdsBack("E2", NINE.plusSeconds(60))).isFalse();
    assertThat(fuse.holdsBack("E3", NINE.plusSeconds(120))).isTrue();
    // Blown stays blown, even once the window has moved on.
    assertThat(fuse.holdsBack("E4", NINE.plus(Duration.ofHours(5)))).isTrue();
    assertThat(fuse.queued()).containsExactly("E3", "E4");
  }

  @Test
  void leaversOutsideTheWindowNoLongerCount() {
    LeaverFuse fuse = LeaverFuse.open(2, Duration.ofHours(1), Optional.empty());
    fuse.holdsBack("E1", NINE);
    fuse.holdsBack("E2", NINE.plusSeconds(60));
    assertThat(fuse.holdsBack("E3", NINE.plus(Duration.ofMinutes(61)))).isFalse();
    assertThat(fuse.blown()).isFalse();
  }

  @Test
  void aRestartKeepsTheQueueTheBlownFuseAndTheLeaversCounted() {
    Path state = folder.resolve("fuse.json");
    LeaverFuse before = LeaverFuse.open(2, Duration.ofHours(1), Optional.of(state));
    before.holdsBack("E1", NINE);
    before.holdsBack("E2", NINE.plusSeconds(60));
    before.holdsBack("E3", NINE.plusSeconds(120));

    LeaverFuse after = LeaverFuse.open(2, Duration.ofHours(1), Optional.of(state));
    assertThat(after.blown()).isTrue();
    assertThat(after.queued()).containsExactly("E3");
    assertThat(after.holdsBack("E4", NINE.plusSeconds(180))).isTrue();
    assertThat(LeaverFuse.open(2, Duration.ofHours(1), Optional.of(state)).queued()).containsExactly("E3", "E4");
  }

  @Test
  void aRestartBeforeTheFuseBlowsStillCountsTheLeaversOfTheWindow() {
    Path state = folder.resolve("fuse.json");
    LeaverFuse.open(2, Duration.ofHours(1), Optional.of(state)).holdsBack("E1", NINE);
    LeaverFuse.open(2, Duration.ofHours(1), Optional.of(state)).holdsBack("E2", NINE.plusSeconds(60));
    assertThat(LeaverFuse.open(2, Duration.ofHours(1), Optional.of(state)).holdsBack("E3", NINE.plusSeconds(120)))
        .as("a restart between pushes gives a runaway sync no fresh window").isTrue();
  }

  @Test
  void releasingEmptiesTheQueueOneByOneAndMendsOnlyWhenNoneIsLeft() {
    Path state = folder.resolve("fuse.json");
    LeaverFuse fuse = LeaverFuse.open(0, Duration.ofHours(1), Optional.of(state));
    fuse.holdsBack("E1", NINE);
    fuse.holdsBack("E2", NINE);
    fuse.released("E1");
    assertThat(LeaverFuse.open(0, Duration.ofHours(1), Optional.of(state)).queued()).containsExactly("E2");
    assertThat(fuse.mendIfNoneQueued()).isFalse();
    fuse.released("E2");
    assertThat(fuse.mendIfNoneQueued()).isTrue();
    LeaverFuse restarted = LeaverFuse.open(0, Duration.ofHours(1), Optional.of(state));
    assertThat(restarted.blown()).isFalse();
    assertThat(restarted.queued()).isEmpty();
  }

  @Test
  void anUnreadableStateFileStopsTheServiceRatherThanMendingTheFuse() throws Exception {
    Path state = folder.resolve("fuse.json");
    Files.writeString(state, "{\"blown\": true, \"queued\": [\"E3\"]");
    assertThatThrownBy(() -> LeaverFuse.open(2, Duration.ofHours(1), Optional.of(state)))
        .isInstanceOf(IdamException.class)
        .hasMessageContaining("Cannot read the leaver fuse's state " + state)
        .hasMessageContaining("may hold leavers queued for approval");
    Files.writeString(state, "{\"blown\": true, \"recentLeavers\": [\"yesterday\"], \"queued\": []}");
    assertThatThrownBy(() -> LeaverFuse.open(2, Duration.ofHours(1), Optional.of(state)))
        .isInstanceOf(IdamException.class);
  }
}
